// Generated from the API's OpenAPI document (GET /api/v1/openapi.json) by `npm run api-types`.
// Do not edit: change the route's zod schema in runtime/src/api/ and regenerate (CONTRIBUTING.md).

export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether the database and Temporal answer */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description All components answer */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Health'];
          };
        };
        /** @description A component is down */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Health'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with email and password; sets the session cookie */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Signed in, or the password was right and a second factor is asked */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: components['schemas']['User'] | null;
              secondFactor?: components['schemas']['SecondFactorStep'];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The account is deactivated */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many failed attempts for this account or from this address: locked for `Retry-After` seconds (also `details.retryAfterSeconds`), even for the right password */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the current session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Signed out */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/invitations/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Who an invitation link is for (the token travels in the body, never in a URL) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
          };
        };
      };
      responses: {
        /** @description The invitation */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              email: string;
              name: string;
              /** @enum {string} */
              language: 'es' | 'en';
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The link is not valid or was already used */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The link has expired */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/invitations/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept an invitation with the password the person chose; signs them in */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Welcome */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                id: string;
                email: string;
                name: string;
                role: string;
                workspaceId: string;
              };
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The link is not valid or was already used */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The link has expired */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The password does not meet the policy (length, leaked-password list) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/password-resets/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Who a password reset link is for */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
          };
        };
      };
      responses: {
        /** @description The person */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              email: string;
              name: string;
              /** @enum {string} */
              language: 'es' | 'en';
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The link is not valid or was already used */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The link has expired */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/password-resets/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a new password from a reset link; ends the person’s other sessions and signs them in */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                id: string;
                email: string;
                name: string;
                role: string;
                workspaceId: string;
              };
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The link is not valid or was already used */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The link has expired */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The password does not meet the policy (length, leaked-password list) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/second-factor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The second step of a sign-in: a code from the authenticator app, or a recovery code
     * @description `token` is the `secondFactor.token` the password step answered; it lasts 5 minutes.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
            code: string;
          };
        };
      };
      responses: {
        /** @description Signed in */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                id: string;
                email: string;
                name: string;
                role: string;
                workspaceId: string;
              };
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The link is not valid or was already used */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The link has expired */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The code is not right */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many wrong codes or passwords: locked for `Retry-After` seconds */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webchat/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a web chat session, or resume one with its token (answers the conversation so far) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            key: string;
            sessionId?: string;
            token?: string;
          };
        };
      };
      responses: {
        /** @description The session, its token and its messages (oldest first) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              sessionId: string;
              token: string;
              resumed: boolean;
              messages: components['schemas']['WebChatMessage'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webchat/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The visitor writes or picks a chip (Authorization: Bearer <session token>) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            key: string;
            sessionId: string;
            clientMessageId: string;
            text?: string;
            choiceId?: string;
          };
        };
      };
      responses: {
        /** @description Taken: a run started, the conversation got it, no flow takes it, or it was a resend */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              outcome: 'started' | 'delivered' | 'unrouted' | 'duplicate' | 'opted-out' | 'opted-in';
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webchat/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The conversation live as server-sent events (for browsers where WebSocket fails) */
    get: {
      parameters: {
        query: {
          key: string;
          sessionId: string;
          token: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description history, message and typing events */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': string;
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/email-links/open/{messageId}/{signature}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A mail's open pixel: records an open and answers a 1×1 GIF */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          messageId: string;
          signature: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A transparent 1×1 GIF */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/gif': string;
          };
        };
        /** @description Not a link this server signed */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/email-links/click/{messageId}/{signature}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A tracked link in a mail: records the click and redirects to the link */
    get: {
      parameters: {
        query?: {
          url?: string;
        };
        header?: never;
        path: {
          messageId: string;
          signature: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description To the link as written in the mail */
        302: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Not a link this server signed */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/email-links/unsubscribe/{messageId}/{signature}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The unsubscribe page (es/en): asks, its button unsubscribes */
    get: {
      parameters: {
        query?: {
          lang?: string;
        };
        header?: never;
        path: {
          messageId: string;
          signature: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/html': string;
          };
        };
        /** @description The link is not valid */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/html': string;
          };
        };
      };
    };
    put?: never;
    /** RFC 8058 one-click unsubscribe (List-Unsubscribe-Post), also the page’s button */
    post: {
      parameters: {
        query?: {
          lang?: string;
        };
        header?: never;
        path: {
          messageId: string;
          signature: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Unsubscribed (a confirmation page) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/html': string;
          };
        };
        /** @description The link is not valid */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/html': string;
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oauth/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Get an access token for an OAuth client (RFC 6749 §4.4, client credentials)
     * @description Authenticate the client with HTTP Basic (`client_id:client_secret`) or with `client_id` and `client_secret` in the form. Send the token as `Authorization: Bearer <access_token>` until `expires_in` seconds have passed.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/x-www-form-urlencoded': {
            /** @enum {string} */
            grant_type: 'client_credentials';
            /** @description Space-separated; at most the client’s scopes */
            scope?: string;
            client_id?: string;
            client_secret?: string;
          };
        };
      };
      responses: {
        /** @description A bearer token */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OAuthToken'];
          };
        };
        /** @description invalid_request, invalid_grant (the client expired), invalid_scope or unsupported_grant_type */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OAuthError'];
          };
        };
        /** @description invalid_client: unknown client or wrong secret */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OAuthError'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is signed in */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The caller */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: components['schemas']['User'] & (Record<string, never> | null);
              via: string;
              /**
               * @description The caller’s role: a person’s, or a key’s
               * @enum {string}
               */
              role: 'admin' | 'supervisor' | 'coordinator' | 'designer' | 'agent' | 'viewer';
              /** @description What the caller may do now (a key: only what its maker may do too); the app offers only these */
              permissions: components['schemas']['Permission'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/people': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The workspace’s people and open invitations (admins) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description People */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Person'][];
              invitations: components['schemas']['Invitation'][];
              /** @description The roles a person can be given, most to least */
              roles: ('admin' | 'supervisor' | 'coordinator' | 'designer' | 'agent' | 'viewer')[];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only an admin manages people */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/people/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Invite a person by email: they choose their password from the link (valid 7 days) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            name: string;
            /** @enum {string} */
            language: 'es' | 'en';
            /** @enum {string} */
            role: 'admin' | 'supervisor' | 'coordinator' | 'designer' | 'agent' | 'viewer';
          };
        };
      };
      responses: {
        /** @description Invited */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              invitation: components['schemas']['Invitation'];
              /** @description The link went by mail through the workspace’s email channel */
              mailed: boolean;
              /** @description Only when it was not mailed (no email channel, or the send failed): hand it over yourself */
              link?: string;
              /** @description Why the mail could not be sent, when it was tried */
              mailError?: string;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only an admin manages people */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/people/invitations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an open invitation: its link stops working */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Revoked */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only an admin manages people */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/people/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a person’s name, language or role, or deactivate/reactivate them
     * @description Deactivating ends their sessions at once and refuses their sign-in until reactivated. An admin cannot deactivate themselves or change their own role.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** @enum {string} */
            language?: 'es' | 'en';
            /** @enum {string} */
            role?: 'admin' | 'supervisor' | 'coordinator' | 'designer' | 'agent' | 'viewer';
            /** @enum {string} */
            status?: 'active' | 'deactivated';
          };
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              person: components['schemas']['Person'];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only an admin manages people */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/people/{id}/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a person a link to choose a new password (valid 24 hours)
     * @description Their current password keeps working until they use the link; using it ends their other sessions.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Link made */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['LinkHandOver'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only an admin manages people */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/people/{id}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** End all of a person’s sessions (they must sign in again) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Ended */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only an admin manages people */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/people/{id}/second-factor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Turn off a person’s second factor (a lost phone); they sign in with the password alone */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Turned off */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only an admin manages people */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/account': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your own profile, and whether your second factor is on */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description You */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              person: components['schemas']['Person'];
              secondFactor: {
                enabled: boolean;
                recoveryCodesLeft: number;
              };
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only a person signed in (not an API key) manages their account */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change your own name or language */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** @enum {string} */
            language?: 'es' | 'en';
          };
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              person: components['schemas']['Person'];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only a person signed in (not an API key) manages their account */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/account/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change your password (your other sessions end) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            currentPassword: string;
            newPassword: string;
          };
        };
      };
      responses: {
        /** @description Changed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only a person signed in (not an API key) manages their account */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The password does not meet the policy, or a code is wrong */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/account/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your open sessions: when they began, were last used, from where and with what */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Sessions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Session'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only a person signed in (not an API key) manages their account */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/account/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** End one of your sessions (the current one signs you out) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Ended */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only a person signed in (not an API key) manages their account */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/account/second-factor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start setting up a second factor: a secret and its QR code for an authenticator app
     * @description Not in force until a code from the app is confirmed (`/account/second-factor/confirm`).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Started */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Base32, to type into the app by hand */
              secret: string;
              /** @description The otpauth:// URI the QR code holds */
              uri: string;
              /** @description The QR code as an SVG document, drawn on this server */
              qrSvg: string;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only a person signed in (not an API key) manages their account */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Turn your second factor off (your password is asked again) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
          };
        };
      };
      responses: {
        /** @description Turned off */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only a person signed in (not an API key) manages their account */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The password does not meet the policy, or a code is wrong */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/account/second-factor/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm the second factor with a code from the app; answers ten one-time recovery codes, shown once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
          };
        };
      };
      responses: {
        /** @description In force */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              recoveryCodes: string[];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only a person signed in (not an API key) manages their account */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The password does not meet the policy, or a code is wrong */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List active API keys: an admin sees the workspace’s, others their own */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Keys (never the secret) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ApiKey'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create an API key (the key is shown only in this answer)
     * @description The key acts with `role` (default: the caller’s own), whose permissions must all be the caller’s too, and may call only what `scopes` allow (default: all the role allows); from `expiresAt` on it is refused.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @enum {string} */
            role?: 'admin' | 'supervisor' | 'coordinator' | 'designer' | 'agent' | 'viewer';
            /** @description read, messages:send, runs:write, flows:write, admin (README "API keys and scopes") */
            scopes?: ('read' | 'messages:send' | 'runs:write' | 'flows:write' | 'admin')[];
            /** Format: date-time */
            expiresAt?: string | null;
          };
        };
      };
      responses: {
        /** @description The new key */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              prefix: string;
              /** @enum {string} */
              role: 'admin' | 'supervisor' | 'coordinator' | 'designer' | 'agent' | 'viewer';
              scopes: ('read' | 'messages:send' | 'runs:write' | 'flows:write' | 'admin')[] | null;
              expiresAt: string | null;
              key: string;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller’s role does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API key (one’s own; an admin any in the workspace) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Revoked */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller’s role does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oauth-clients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the workspace’s OAuth clients (never their secrets) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Clients not revoked */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['OAuthClient'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only an admin manages OAuth clients */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create an OAuth client (its secret is shown only in this answer)
     * @description An integrator exchanges the client_id and client_secret for short-lived access tokens at POST /oauth/token. The client acts with `role` (default: the caller’s) and at most `scopes`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @enum {string} */
            role?: 'admin' | 'supervisor' | 'coordinator' | 'designer' | 'agent' | 'viewer';
            /** @description read, messages:send, runs:write, flows:write, admin (README "API keys and scopes") */
            scopes: ('read' | 'messages:send' | 'runs:write' | 'flows:write' | 'admin')[];
            /** Format: date-time */
            expiresAt?: string | null;
          };
        };
      };
      responses: {
        /** @description The new client and its secret */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OAuthClient'] & {
              clientSecret: string;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only an admin manages OAuth clients */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oauth-clients/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an OAuth client: its tokens stop working at once */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Revoked */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only an admin manages OAuth clients */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/nodes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The node catalog: every node type with its ports and config JSON Schema */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The catalog */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['NodeType'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspace/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Workspace settings (run retention) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WorkspaceSettings'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Change workspace settings */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            runRetentionDays?: number;
            auditRetentionDays?: number;
            slaTargetPercent?: number;
          };
        };
      };
      responses: {
        /** @description The settings now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WorkspaceSettings'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The workspaces the caller belongs to, with their role in each (a key: its own only) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The workspaces */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              workspaces: components['schemas']['Workspace'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a workspace (an admin of the current one may); its maker is its admin */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Workspace'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename a workspace the caller is an admin of */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
          };
        };
      };
      responses: {
        /** @description Renamed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Workspace'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/workspaces/{id}/switch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Make this session act in another workspace the person belongs to */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The session acts there now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Workspace'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspace/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The members of the current workspace and their roles */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The members */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              members: components['schemas']['WorkspaceMember'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Add a person who has an account on this install to the current workspace, with a role */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            role: 'admin' | 'supervisor' | 'coordinator' | 'designer' | 'agent' | 'viewer';
            email: string;
          };
        };
      };
      responses: {
        /** @description Added */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WorkspaceMember'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspace/members/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change a member’s role in the current workspace */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            role: 'admin' | 'supervisor' | 'coordinator' | 'designer' | 'agent' | 'viewer';
          };
        };
      };
      responses: {
        /** @description The member now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WorkspaceMember'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    /** Remove a member from the current workspace (their sessions there end) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspace/default-country': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The country of phone numbers written without a country code */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The default country (null: none) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DefaultCountry'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Set the country of phone numbers written without a country code (imports, forms) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['DefaultCountry'];
        };
      };
      responses: {
        /** @description The default country now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DefaultCountry'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspace/campaign-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Campaign defaults: the workspace’s time zone, quiet hours and marketing frequency cap */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The campaign settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CampaignSettings'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Change the campaign defaults (omitted fields stay, null clears one) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CampaignSettingsInput'];
        };
      };
      responses: {
        /** @description The campaign settings now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CampaignSettings'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description A value that cannot be used; details.field names it (es/en by Accept-Language) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/mail/domains': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Domains whose mail this workspace takes on the inbound server (any address there) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The domains */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MailDomains'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Set the domains whose mail this workspace takes (`channels:manage`) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['MailDomains'];
        };
      };
      responses: {
        /** @description The domains now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MailDomains'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
              };
            };
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/mail/mailboxes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The IMAP mailboxes this workspace takes mail from, with whether each works (never the password) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The mailboxes */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ImapMailbox'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Connect a mailbox: its mail is taken (and marked seen) from now on */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ImapMailboxInput'];
        };
      };
      responses: {
        /** @description Saved; polling starts at once */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ImapMailbox'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The same mailbox is connected already, or the workspace has as many as it may */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/mail/mailboxes/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in and open the folder once, without saving, and say what went wrong */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ImapMailboxTest'];
        };
      };
      responses: {
        /** @description It works */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              ok: true;
              messages: number;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The server could not be reached or refused; the message says what to check */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/mail/mailboxes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Stop taking mail from a mailbox (the mail already in it stays there) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Disconnected */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a mailbox (its poller starts again with the new settings) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ImapMailboxChange'];
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ImapMailbox'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/channels/{channel}/numbers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The further numbers of a channel (its first is the channel’s own settings) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The numbers */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ChannelNumber'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Connect a further number (WhatsApp Cloud or Twilio) with its own settings; 409 when any workspace has it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChannelSettingsInput'] & {
            /** @default  */
            name?: string;
          };
        };
      };
      responses: {
        /** @description Connected */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChannelNumber'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The settings do not fit the channel or lack a secret */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/channels/{channel}/numbers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Disconnect a further number: its webhooks are answered as a number nobody has */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Disconnected */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/channels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Each channel’s provider and settings (secrets are never shown) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The channels */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ChannelSettings'][];
              sandboxInUse: components['schemas']['SandboxInUse'];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/channels/sandbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Which channels published flows use are on the sandbox (any member: the app shows a banner) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Channels on the sandbox that published flows use */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              sandboxInUse: components['schemas']['SandboxInUse'];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/channels/{channel}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set a channel’s provider; secrets left out keep their saved values */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChannelSettingsInput'];
        };
      };
      responses: {
        /** @description The settings now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChannelSettings'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Another workspace has this number */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The settings do not fit the channel or lack a secret */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    /** Forget a channel’s settings (it falls back to the environment’s provider or the sandbox) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Forgotten */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/channels/{channel}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check the saved settings against the provider (SMPP: bind and unbind; SMTP: connect and log in) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The outcome */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
              code?: string;
              message: string;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The settings do not fit the channel or lack a secret */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/dkim-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The DKIM key of each sending domain, with the DNS record to publish (never the private key) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The keys */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['DkimKey'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/dkim-keys/{domain}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Make or paste the DKIM key a sending domain’s mail is signed with (replaces the one before) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          domain: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['DkimKeyInput'];
        };
      };
      responses: {
        /** @description The key and the DNS record to publish */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DkimKey'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The pasted key cannot sign DKIM */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    /** Stop signing a domain’s mail */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          domain: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Forgotten */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/email/deliverability/domains': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The domains worth checking: the From address’s, then those with a DKIM key */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The domains */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              domains: string[];
              sendingServer: components['schemas']['SendingServer'];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Operators cannot check sending domains */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/email/deliverability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Looks up a sending domain’s SPF, DKIM, DMARC and MX and says what to publish */
    get: {
      parameters: {
        query?: {
          /** @description The sending domain (default: the domain of the email channel’s From address) */
          domain?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description What DNS says, record by record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DeliverabilityReport'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Operators cannot check sending domains */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No domain given and no From address to take it from */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/flows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List flows, most recently changed first */
    get: {
      parameters: {
        query?: {
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Flows */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['FlowSummary'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a flow from a flow document (saved as its draft) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @default 1
             * @enum {number}
             */
            schemaVersion?: 1;
            name: string;
            /** @default  */
            description?: string;
            /** @enum {string} */
            language?: 'es' | 'en';
            trigger?: {
              node: string;
            };
            reusable?: boolean;
            nodes: {
              id: string;
              type: string;
              /** @default 1 */
              version?: number;
              /** @default {} */
              config?: {
                [key: string]: unknown;
              };
              /**
               * @default {
               *       "x": 0,
               *       "y": 0
               *     }
               */
              position?: {
                x: number;
                y: number;
              };
              label?: string;
            }[];
            edges: {
              id: string;
              from: {
                node: string;
                port: string;
              };
              to: {
                node: string;
              };
            }[];
            /** @default [] */
            variables?: {
              name: string;
              /**
               * @default string
               * @enum {string}
               */
              type?: 'string' | 'number' | 'boolean' | 'object' | 'array';
              default?: unknown;
            }[];
          };
        };
      };
      responses: {
        /** @description The new flow */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Flow'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/flows/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A flow with its draft */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The flow */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Flow'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Replace the draft (published versions never change) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @default 1
             * @enum {number}
             */
            schemaVersion?: 1;
            name: string;
            /** @default  */
            description?: string;
            /** @enum {string} */
            language?: 'es' | 'en';
            trigger?: {
              node: string;
            };
            reusable?: boolean;
            nodes: {
              id: string;
              type: string;
              /** @default 1 */
              version?: number;
              /** @default {} */
              config?: {
                [key: string]: unknown;
              };
              /**
               * @default {
               *       "x": 0,
               *       "y": 0
               *     }
               */
              position?: {
                x: number;
                y: number;
              };
              label?: string;
            }[];
            edges: {
              id: string;
              from: {
                node: string;
                port: string;
              };
              to: {
                node: string;
              };
            }[];
            /** @default [] */
            variables?: {
              name: string;
              /**
               * @default string
               * @enum {string}
               */
              type?: 'string' | 'number' | 'boolean' | 'object' | 'array';
              default?: unknown;
            }[];
          };
        };
      };
      responses: {
        /** @description The saved flow */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Flow'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    /** Delete a flow, its versions and finished runs */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/flows/{id}/validate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Validate the draft: every problem at once, with the node or edge it concerns */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The validation result */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ValidationResult'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/flows/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Validate, compile and store the draft as a new immutable version */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': {
            /** @default  */
            notes?: string;
            /**
             * @description Runs in flight on older versions stay on their version (`keep`, the default) or are cancelled
             * @default keep
             * @enum {string}
             */
            inflight?: 'keep' | 'cancel';
          };
        };
      };
      responses: {
        /** @description The published version, and how many in-flight runs were cancelled */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              version: number;
              hash: string;
              cancelled: number;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description TRIGGER_CLAIMED: another published flow answers the same number, keyword or address; details.errors names it, or says (reason elsewhere) that another workspace does */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The draft has errors; details.errors lists them */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/flows/{id}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Published versions, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Versions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['FlowVersionSummary'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/flows/{id}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One published version with its graph and compiled machine */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          version: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The version */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FlowVersionSummary'] & {
              graph: {
                /**
                 * @default 1
                 * @enum {number}
                 */
                schemaVersion: 1;
                name: string;
                /** @default  */
                description: string;
                /** @enum {string} */
                language?: 'es' | 'en';
                trigger?: {
                  node: string;
                };
                reusable?: boolean;
                nodes: {
                  id: string;
                  type: string;
                  /** @default 1 */
                  version: number;
                  /** @default {} */
                  config: {
                    [key: string]: unknown;
                  };
                  /**
                   * @default {
                   *       "x": 0,
                   *       "y": 0
                   *     }
                   */
                  position: {
                    x: number;
                    y: number;
                  };
                  label?: string;
                }[];
                edges: {
                  id: string;
                  from: {
                    node: string;
                    port: string;
                  };
                  to: {
                    node: string;
                  };
                }[];
                /** @default [] */
                variables: {
                  name: string;
                  /**
                   * @default string
                   * @enum {string}
                   */
                  type: 'string' | 'number' | 'boolean' | 'object' | 'array';
                  default?: unknown;
                }[];
              };
              machine?: unknown;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/flows/{id}/hook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The URLs a webhook flow answers at (its draft’s “Webhook received” trigger) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The production and test URLs */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FlowHook'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/flows/{id}/hook/secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Make a new HMAC secret for the flow’s webhook (answered once; the old one stops working) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The new secret, shown only now */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              secret: string;
              updatedAt: string;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/flow-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The templates gallery: ready-made flows to start from, in Spanish or English */
    get: {
      parameters: {
        query?: {
          language?: 'es' | 'en';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The templates */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['FlowTemplate'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/flow-templates/{id}/flows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a new flow (a draft of your own) from a template, with its texts in a language */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['FlowFromTemplate'];
        };
      };
      responses: {
        /** @description The new flow */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Flow'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only designers and admins create flows */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/flows/{id}/inflight': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Runs of this flow running or waiting right now, per node and per version */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description In-flight counts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Inflight'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/flows/{id}/what-if': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replay recorded runs against the draft, side effects stubbed, and report whose path changed */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': {
            version?: number;
            /** @default 100 */
            limit?: number;
            runIds?: string[];
          };
        };
      };
      responses: {
        /** @description One result per replayed run */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              total: number;
              changedCount: number;
              results: components['schemas']['WhatIfResult'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The draft has errors; details.errors lists them */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/flows/{id}/analytics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Per node and port: runs that entered, left by each port, dropped off, time spent; IVR option counts, funnels and delivery, for runs started in the period */
    get: {
      parameters: {
        query?: {
          /** @description A published version number, or `all` (the default) for every one */
          version?: string;
          /** @description ISO date-time, inclusive; default 7 days before `to` */
          from?: string;
          /** @description ISO date-time, exclusive; default now */
          to?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The flow’s analytics */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FlowAnalytics'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/bulk/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** How many runs a bulk action would touch, with the newest few */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            filter: components['schemas']['RunFilter'];
            /**
             * @description `cancel` running/waiting runs, `rerun` ended runs, `retry` failed runs from their failed step
             * @enum {string}
             */
            action: 'cancel' | 'rerun' | 'retry';
          };
        };
      };
      responses: {
        /** @description The preview */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              count: number;
              sample: components['schemas']['RunSummary'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/bulk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recent bulk actions */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Newest first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['BulkJob'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Start a bulk action; the same idempotencyKey always answers the same job */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            filter: components['schemas']['RunFilter'];
            /**
             * @description `cancel` running/waiting runs, `rerun` ended runs, `retry` failed runs from their failed step
             * @enum {string}
             */
            action: 'cancel' | 'rerun' | 'retry';
            idempotencyKey: string;
          };
        };
      };
      responses: {
        /** @description The job started (or already had) */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              jobId: string;
              total: number;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/bulk/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Progress of a bulk action */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The job */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkJob'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/flows/{id}/test-runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run the current draft without publishing it (the builder’s simulator) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': {
            /** @default {} */
            input?: {
              [key: string]: unknown;
            };
            /** @description A chat flow: the person’s first message. The run becomes a sandbox conversation (its address is in the answer) that replies reach through POST /sandbox/messages */
            message?: {
              /** @enum {string} */
              channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
              text?: string;
              choiceId?: string;
            };
          };
        };
      };
      responses: {
        /** @description The test run started */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              version: number;
              /** @enum {string} */
              status: 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'abandoned' | 'skipped';
              conversation: {
                /** @enum {string} */
                channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
                address: string;
              } | null;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The draft has errors; details.errors lists them */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{id}/skip-wait': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Test runs only: end the current wait or timeout now */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The state after the wait */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'abandoned' | 'skipped';
              currentNodes: string[];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Runs, newest first, in cursor pages; filter by flow, status, version, dates, contact, node */
    get: {
      parameters: {
        query?: {
          flowId?: string;
          status?: ('running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'abandoned' | 'skipped')[];
          version?: number | null;
          from?: string;
          to?: string;
          contact?: string;
          nodeId?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of runs */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['RunSummary'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Start a run of a published flow (latest version unless one is named) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            flowId: string;
            version?: number;
            /** @default {} */
            input?: {
              [key: string]: unknown;
            };
            /** @description Who the run is about; taken from input.contact/phone/email/from when absent */
            contact?: string;
          };
        };
      };
      responses: {
        /** @description The run started */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              version: number;
              /** @enum {string} */
              status: 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'abandoned' | 'skipped';
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/counts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many runs match a filter, per status */
    get: {
      parameters: {
        query?: {
          flowId?: string;
          status?: ('running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'abandoned' | 'skipped')[];
          version?: number | null;
          from?: string;
          to?: string;
          contact?: string;
          nodeId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Counts per status */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              counts: {
                running?: number;
                waiting?: number;
                completed?: number;
                failed?: number;
                cancelled?: number;
                abandoned?: number;
                skipped?: number;
              };
              total: number;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A run with its status, current nodes and every step taken */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The run */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Run'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send an event to a waiting run; answers with the state it reached */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RunEvent'];
        };
      };
      responses: {
        /** @description The state after the event */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'abandoned' | 'skipped';
              currentNodes: string[];
              error?: unknown;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a running or waiting run */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The run after cancelling (normally `cancelled`) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              status: 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'abandoned' | 'skipped';
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{id}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Replay a run: `verify` its history against the current code, `rerun` its input as a new run, or `retry-from-step`
     * @description verify: no side effects, reports whether the recorded history is still deterministic. rerun: a new run with the same trigger input on the same or another version, linked by rerunOf. retry-from-step: Temporal reset to the workflow task that began the step; that step and the following ones run again, earlier side effects are not repeated. The run must have ended.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ReplayRequest'];
        };
      };
      responses: {
        /** @description What the replay did */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReplayResult'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Bad version */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{id}/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Server-sent events: `run` with the whole run at once and on every change, `end` once it ends */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description An event stream */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': string;
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/dashboard/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The service now: calls, conversations, runs and messages per minute, campaigns, channel health */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The live figures */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['LiveDashboard'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/dashboard/live/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Server-sent events: `snapshot` with the live figures at once and whenever one changes */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description An event stream */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': string;
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Messages in and out, newest first: by run, contact, channel or status */
    get: {
      parameters: {
        query?: {
          runId?: string;
          contact?: string;
          channel?: 'whatsapp' | 'sms' | 'webchat' | 'email';
          status?:
            | 'queued'
            | 'sent'
            | 'delivered'
            | 'read'
            | 'failed'
            | 'undelivered'
            | 'expired'
            | 'received'
            | 'bounced';
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Message'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Send one message from another application (a key whose role may `messages:send`): 202 with its id; JSON, or XML with Content-Type: application/xml */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            channel: 'sms' | 'whatsapp' | 'email';
            to: string;
            text?: string;
            template?: string;
            variables?: {
              [key: string]: string | number | boolean;
            };
            /** @enum {string} */
            language?: 'es' | 'en';
            subject?: string;
            idempotencyKey?: string;
          };
          'application/xml': {
            /** @enum {string} */
            channel: 'sms' | 'whatsapp' | 'email';
            to: string;
            text?: string;
            template?: string;
            variables?: {
              [key: string]: string | number | boolean;
            };
            /** @enum {string} */
            language?: 'es' | 'en';
            subject?: string;
            idempotencyKey?: string;
          };
        };
      };
      responses: {
        /** @description The message this idempotencyKey sent before */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SentMessage'];
            'application/xml': components['schemas']['SentMessage'];
          };
        };
        /** @description Accepted: it is sent in the background; follow it by GET or the webhook */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SentMessage'];
            'application/xml': components['schemas']['SentMessage'];
          };
        };
        /** @description Not JSON/XML, or a field is wrong */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
            'application/xml': components['schemas']['Error'];
          };
        };
        /** @description The key’s role may not send messages */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
            'application/xml': components['schemas']['Error'];
          };
        };
        /** @description The idempotencyKey was used for another message */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
            'application/xml': components['schemas']['Error'];
          };
        };
        /** @description The body is over 64 KiB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
            'application/xml': components['schemas']['Error'];
          };
        };
        /** @description Neither JSON nor XML */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
            'application/xml': components['schemas']['Error'];
          };
        };
        /** @description No provider on the channel, a template problem, or the bag is used up */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
            'application/xml': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/messages/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A message's status and its history (Accept: application/xml for XML) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The message */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SentMessage'];
            'application/xml': components['schemas']['SentMessage'];
          };
        };
        /** @description No such message in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
            'application/xml': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspace/webhook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where the statuses of messages sent by the API are POSTed (admin) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The webhook (never its secret) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StatusWebhook'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Set the status webhook: each status change of an API message is POSTed there, signed (Omniflow-Signature) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['StatusWebhookInput'];
        };
      };
      responses: {
        /** @description Saved; `secret` is there when one was made */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StatusWebhook'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an http(s) URL, or its host is private, loopback or unknown */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    /** Stop POSTing statuses (notices under way stop too) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspace/ai-provider': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The OpenAI-compatible endpoint the AI node calls (never its key) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The provider */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AiProvider'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Set the AI provider: base URL, model and API key of any OpenAI-compatible chat-completions service */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AiProviderInput'];
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AiProvider'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed to change settings */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    /** Remove the AI provider (AI nodes then leave by "failed") */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhook-subscriptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The workspace’s outbound webhooks (admin) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Never their secrets */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              subscriptions: components['schemas']['WebhookSubscription'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Subscribe a URL to events: each is POSTed there, signed (Omniflow-Signature) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['WebhookSubscriptionInput'];
        };
      };
      responses: {
        /** @description Made; `secret` is shown this once */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookSubscription'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an http(s) URL, or its host is private, loopback or unknown */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhook-subscriptions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One outbound webhook */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The webhook (never its secret) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookSubscription'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Remove an outbound webhook with its pending deliveries and log */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change, pause (active: false), resume or give a new secret to an outbound webhook */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['WebhookSubscriptionChange'];
        };
      };
      responses: {
        /** @description Saved; `secret` is there when a new one was made */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookSubscription'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an http(s) URL, or its host is private, loopback or unknown */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/webhook-subscriptions/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The delivery log: each event, its attempts (status, duration, error) and next try */
    get: {
      parameters: {
        query?: {
          /** @description How many deliveries, newest first (50) */
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Newest first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              deliveries: components['schemas']['WebhookDelivery'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhook-subscriptions/{id}/deliveries/{deliveryId}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send one delivery again now, with the same event id and body */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          deliveryId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Due now; the worker sends it within seconds */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              eventId: string;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/sandbox/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Write to your flows as a person would, on a sandbox channel (the phone simulator) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
            from: string;
            /** @default sandbox */
            to?: string;
            text?: string;
            choiceId?: string;
          };
        };
      };
      responses: {
        /** @description Where the message went: a new run, the conversation’s run, nowhere (no trigger matched), or a STOP/START */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              outcome: 'started' | 'delivered' | 'unrouted' | 'duplicate' | 'opted-out' | 'opted-in';
              runId: string | null;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The channel reaches real people (CHANNEL_NOT_SANDBOX) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/mail-catcher/mails': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The sandbox’s caught mail, newest first (every mail of test runs, and all with no SMTP account) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CaughtMailSummary'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete every caught mail of the workspace */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Your role may not do this (FORBIDDEN) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/mail-catcher/mails/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One caught mail, parsed: headers, text part, HTML */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The mail */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CaughtMail'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete one caught mail */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Your role may not do this (FORBIDDEN) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/mail-catcher/mails/{id}/raw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One caught mail as it would have left (message/rfc822, an .eml file) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The raw mail */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'message/rfc822': string;
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/mail-catcher/inbound': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Write a mail to your flows, as a person would (sandbox only) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['WrittenMail'];
        };
      };
      responses: {
        /** @description Where the mail went: a new run, the conversation’s run, or nowhere (no trigger takes it) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              results: {
                to: string;
                /** @enum {string} */
                outcome:
                  | 'started'
                  | 'delivered'
                  | 'unrouted'
                  | 'duplicate'
                  | 'opted-out'
                  | 'opted-in'
                  | 'skipped'
                  | 'report'
                  | 'not-ours';
                runId: string | null;
              }[];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Your role may not do this (FORBIDDEN) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Email reaches real people here (CHANNEL_NOT_SANDBOX) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Conversations handed to agents (the queue), newest first */
    get: {
      parameters: {
        query?: {
          status?: 'bot' | 'agent' | 'closed';
          queue?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The queue */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Conversation'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/conversations/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** An agent writes to the person on the conversation’s channel */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            text: string;
          };
        };
      };
      responses: {
        /** @description Sent */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              messageId: string;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/conversations/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The agent is done: the conversation closes and its run continues by "closed" */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': {
            note?: string;
          };
        };
      };
      responses: {
        /** @description Closed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Conversation'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspace/webchat-embed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The web chat widget key and the script tag to paste into a site */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The widget key (the workspace id) and a ready-to-paste embed code for this server */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              key: string;
              embedCode: string;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The template library, by name */
    get: {
      parameters: {
        query?: {
          kind?: 'email' | 'text';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The templates */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Template'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Add a template; its Liquid and MJML are checked first */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['TemplateInput'];
        };
      };
      responses: {
        /** @description Saved */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Template'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only designers and admins change templates */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The name is taken, or published flows use the template */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TemplateConflict'];
          };
        };
        /** @description The template has errors: each with its language, field and line */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TemplateInvalid'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/preview-contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Contacts to preview a template for, by name or address */
    get: {
      parameters: {
        query?: {
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Up to 20 contacts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                name: string;
                address: string;
              }[];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Render a template (saved or not) for a chosen contact or the sample one */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind: 'email' | 'text';
            /** @enum {string} */
            language: 'es' | 'en';
            variant: components['schemas']['TemplateVariant'];
            name?: string;
            /** Format: uuid */
            contactId?: string;
            vars?: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description The rendering */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TemplatePreview'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One template */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The template */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Template'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Change a template; 409 naming the published flows that use it unless confirm=true */
    put: {
      parameters: {
        query?: {
          /** @description Change or delete it even though published flows use it */
          confirm?: 'true' | 'false';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['TemplateInput'];
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Template'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only designers and admins change templates */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The name is taken, or published flows use the template */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TemplateConflict'];
          };
        };
        /** @description The template has errors: each with its language, field and line */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TemplateInvalid'];
          };
        };
      };
    };
    post?: never;
    /** Delete a template; 409 naming the published flows that use it unless confirm=true */
    delete: {
      parameters: {
        query?: {
          /** @description Change or delete it even though published flows use it */
          confirm?: 'true' | 'false';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only designers and admins change templates */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The name is taken, or published flows use the template */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TemplateConflict'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/{id}/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The published flows whose newest version uses the template */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The flows */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              flows: components['schemas']['TemplateUser'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/report-schedules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The reports e-mailed on a calendar, with their last delivery and the reports to choose from */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The schedules */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ReportSchedule'][];
              reports: string[];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** E-mail a report daily, weekly (Mondays) or monthly (the 1st) at an hour of the workspace */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ReportScheduleInput'];
        };
      };
      responses: {
        /** @description The schedule */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReportSchedule'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/report-schedules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One scheduled report */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The schedule */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReportSchedule'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Change a scheduled report */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ReportScheduleInput'];
        };
      };
      responses: {
        /** @description The schedule */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReportSchedule'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    /** Stop and delete a scheduled report (its deliveries go with it) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/report-schedules/{id}/send': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a scheduled report now, for its period as of now; follow it in its deliveries */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The delivery started */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReportDelivery'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/report-schedules/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The last 50 deliveries of a scheduled report, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The deliveries */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ReportDelivery'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contact-fields': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The workspace's custom contact fields */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The fields */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ContactField'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Define a typed field (text, number, date, boolean, choice) for contacts (`contact-fields:manage`) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ContactFieldInput'];
        };
      };
      responses: {
        /** @description The field */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ContactField'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller’s role may not define contact fields */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contact-fields/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a field's definition (`contact-fields:manage`); values already saved stay, untyped */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller’s role may not define contact fields */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Rename a field or change a choice field's choices (`contact-fields:manage`); key and type stay */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ContactFieldPatch'];
        };
      };
      responses: {
        /** @description The field now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ContactField'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller’s role may not define contact fields */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/segments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The workspace’s segments, by name (count each with GET /segments/{id}/count) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The segments */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Segment'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Add a segment: rules (checked against the workspace’s fields) or a static list */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SegmentInput'];
        };
      };
      responses: {
        /** @description Saved */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Segment'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only designers and admins change segments */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description A rule does not fit the workspace: details.path names it (1-based, "2.1") */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/segments/rule-options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What a rule can name: custom fields, tags in use, campaigns, and published flows’ key menus */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The choices */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SegmentRuleOptions'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/segments/count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** How many contacts a rule tree selects now (the live count while editing, unsaved) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            rules: components['schemas']['SegmentRules'];
          };
        };
      };
      responses: {
        /** @description The count */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SegmentCount'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description A rule does not fit the workspace: details.path names it (1-based, "2.1") */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/segments/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The first contacts a rule tree selects now, and how many in all */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            rules: components['schemas']['SegmentRules'];
            /** @default 20 */
            limit?: number;
          };
        };
      };
      responses: {
        /** @description The first contacts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['SegmentContact'][];
              count: number;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description A rule does not fit the workspace: details.path names it (1-based, "2.1") */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/segments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One segment */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The segment */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Segment'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Rename a segment or change its rules */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SegmentUpdate'];
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Segment'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only designers and admins change segments */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description A rule does not fit the workspace: details.path names it (1-based, "2.1") */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    /** Delete a segment; 409 naming the campaigns that use it */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only designers and admins change segments */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/segments/{id}/count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many contacts a segment selects now: rules evaluated, a list’s members counted */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The count */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SegmentCount'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description A rule does not fit the workspace: details.path names it (1-based, "2.1") */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/segments/{id}/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A page of a segment’s contacts in id order: a list’s members, or whom the rules select now */
    get: {
      parameters: {
        query?: {
          after?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The page; nextAfter is null on the last */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['SegmentContact'][];
              nextAfter: string | null;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description A rule does not fit the workspace: details.path names it (1-based, "2.1") */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/segments/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add contacts to a static list (unknown ids and members already there are skipped) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SegmentMemberIds'];
        };
      };
      responses: {
        /** @description How many were added */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              added: number;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only designers and admins change segments */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/segments/{id}/members/remove': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take contacts off a static list */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SegmentMemberIds'];
        };
      };
      responses: {
        /** @description How many were on it */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              removed: number;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only designers and admins change segments */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/quotas': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The workspace's bags per channel with this period's use (warning from warnPercent) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The bags */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Quota'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/quotas/{channel}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set a channel's bag: amount per period, overdraft, warning (admin) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          channel: 'whatsapp' | 'sms' | 'webchat' | 'email' | 'voice';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['QuotaBag'];
        };
      };
      responses: {
        /** @description The bag now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Quota'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
              };
            };
          };
        };
      };
    };
    post?: never;
    /** Remove a channel's bag: sends on it are no longer limited (admin) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          channel: 'whatsapp' | 'sms' | 'webchat' | 'email' | 'voice';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
              };
            };
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/quotas/{channel}/ledger': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This period's ledger, oldest first: every change of the balance (format=csv downloads it all) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          format?: 'json' | 'csv';
        };
        header?: never;
        path: {
          channel: 'whatsapp' | 'sms' | 'webchat' | 'email' | 'voice';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of lines (JSON) or the whole period (CSV) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              opening: {
                amount: number;
                periodStart: string;
              };
              items: components['schemas']['QuotaLedgerLine'][];
              nextCursor: string | null;
            };
            'text/csv': string;
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Top up or adjust a bag this period, with a note (admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          channel: 'whatsapp' | 'sms' | 'webchat' | 'email' | 'voice';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['QuotaLedgerEntry'];
        };
      };
      responses: {
        /** @description The line added */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['QuotaLedgerLine'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
              };
            };
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contact-imports/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Read a file’s header and first rows and propose a column mapping */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'multipart/form-data': components['schemas']['ContactImportPreviewForm'];
        };
      };
      responses: {
        /** @description The header, sample and proposal */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ContactImportPreview'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The file is larger than the import limit */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The body is not multipart/form-data */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The file as a whole cannot be imported (encoding, header, empty) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contact-imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest imports, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Language of `error` when the server wrote it (default: from Accept-Language) */
          language?: 'es' | 'en';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Imports */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              imports: components['schemas']['ContactImport'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Import contacts from a CSV or .xlsx file; runs in the background */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'multipart/form-data': components['schemas']['ContactImportForm'];
        };
      };
      responses: {
        /** @description The import started */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ContactImportStarted'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The file is larger than the import limit */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The body is not multipart/form-data */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The file as a whole cannot be imported (encoding, header, empty) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contact-imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An import’s status and counts (a progress bar polls this) */
    get: {
      parameters: {
        query?: {
          /** @description Language of `error` when the server wrote it (default: from Accept-Language) */
          language?: 'es' | 'en';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The import */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ContactImport'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contact-imports/{id}/rejections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The rows an import left out, with line, column and reason (JSON, or CSV with ?format=csv) */
    get: {
      parameters: {
        query?: {
          format?: 'json' | 'csv';
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The rejections */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              rejections: components['schemas']['ContactImportRejection'][];
            };
            'text/csv': string;
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The workspace's campaigns, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Campaigns */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              campaigns: components['schemas']['Campaign'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a draft campaign (designer) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CampaignInput'];
        };
      };
      responses: {
        /** @description The draft */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Campaign'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The role does not allow it */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The segment, template or flow is not in this workspace (or the flow is unpublished), or the A/B test does not fit (shares, metric) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/voice-flows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The published voice flows a voice campaign can run */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Published flows that start with an incoming-call trigger */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['VoiceFlows'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One campaign */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The campaign */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Campaign'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a campaign that is not sending (designer) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The role does not allow it */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a draft campaign (designer) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CampaignPatch'];
        };
      };
      responses: {
        /** @description The draft now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Campaign'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The role does not allow it */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The segment, template or flow is not in this workspace (or the flow is unpublished), or the A/B test does not fit (shares, metric) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/campaigns/{id}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a draft: now, or scheduled for its time (designer) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The campaign now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Campaign'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The role does not allow it */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The segment, template or flow is not in this workspace (or the flow is unpublished), or the A/B test does not fit (shares, metric) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pause a running or scheduled campaign before its next chunk (`campaigns:control`) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The campaign now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Campaign'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The role does not allow it */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resume a paused campaign (`campaigns:control`) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The campaign now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Campaign'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The role does not allow it */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a campaign; what was sent stays counted (`campaigns:control`) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The campaign now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Campaign'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The role does not allow it */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}/occurrences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A recurring campaign's occurrences (each its own campaign), newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Occurrences */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              occurrences: components['schemas']['Campaign'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/campaigns/{id}/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Live counts, per variant, per minute, and the finish-time forecast */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The counts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CampaignStats'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit log, newest first, filtered (admin) */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
          actor?: string;
          /** @description One action or several, comma-separated */
          action?: string;
          resourceType?: string;
          resourceId?: string;
          q?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of audit rows */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['AuditEvent'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The filtered audit log as CSV or Excel (admin; the export is itself audited) */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
          actor?: string;
          /** @description One action or several, comma-separated */
          action?: string;
          resourceType?: string;
          resourceId?: string;
          q?: string;
          format?: 'csv' | 'xlsx';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every matching row, newest first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/recordings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Call recordings, newest first: by number (either side), date, flow and call */
    get: {
      parameters: {
        query?: {
          /** @description The caller or the called number */
          number?: string;
          from?: string;
          to?: string;
          flowId?: string;
          limit?: number;
          cursor?: string;
          callRecordId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Recording'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request cannot be carried out as asked (see the message) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/recordings/count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many recordings (and bytes) a filter matches: what a delete by date would remove */
    get: {
      parameters: {
        query?: {
          /** @description The caller or the called number */
          number?: string;
          from?: string;
          to?: string;
          flowId?: string;
          callRecordId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The count */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              count: number;
              bytes: number;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request cannot be carried out as asked (see the message) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/recordings/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Space the recordings take against the quota; `warning` from 80 % */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The usage */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RecordingsUsage'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/recordings/quota': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change the recordings quota (admins) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            quotaBytes: number;
          };
        };
      };
      responses: {
        /** @description The usage under the new quota */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RecordingsUsage'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/recordings/delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Delete every recording made in [from, to) (admins); answers how many */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date-time */
            from?: string;
            /** Format: date-time */
            to: string;
          };
        };
      };
      responses: {
        /** @description How many were deleted */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              deleted: number;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The request cannot be carried out as asked (see the message) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/recordings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One recording */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The recording */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Recording'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete one recording (its audio too) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/recordings/{id}/audio': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audio (WAV); honours Range so a player can seek; `?download=1` saves it as a file */
    get: {
      parameters: {
        query?: {
          download?: '0' | '1' | 'true' | 'false';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The whole file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'audio/wav': string;
          };
        };
        /** @description The asked range */
        206: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'audio/wav': string;
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The range starts past the end */
        416: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/voice-prompts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The workspace's recorded prompts, by name */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The prompts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['VoicePrompt'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Upload a WAV or MP3 as a prompt (designers)
     * @description Either multipart/form-data with `name` and `file`, or the audio itself as the body (audio/wav, audio/mpeg, application/octet-stream) with `?name=`. Converted with sox to 8 kHz mono 16-bit WAV. 413 over 10 MB, 422 when sox cannot read it, 409 when the name is taken.
     */
    post: {
      parameters: {
        query?: {
          name?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The stored prompt */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['VoicePrompt'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not a designer or an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VOICE_PROMPT_NAME_TAKEN or VOICE_PROMPT_IN_USE (details.flows names the flows) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The file is larger than 10 MB */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not a WAV or MP3 sox can read, or longer than 10 minutes */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description sox (or libsox-fmt-mp3) is not installed on the server */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/voice-prompts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a prompt (designers); refused while a published flow plays it */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not a designer or an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VOICE_PROMPT_NAME_TAKEN or VOICE_PROMPT_IN_USE (details.flows names the flows) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Rename a prompt (designers); flows keep playing it */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
          };
        };
      };
      responses: {
        /** @description The renamed prompt */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['VoicePrompt'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not a designer or an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VOICE_PROMPT_NAME_TAKEN or VOICE_PROMPT_IN_USE (details.flows names the flows) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/voice-prompts/{id}/audio': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The prompt as WAV; honours Range so a player can seek */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The whole file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'audio/wav': string;
          };
        };
        /** @description The asked range */
        206: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'audio/wav': string;
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The range starts past the end */
        416: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/calls': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Call records, newest first: by number (either side), start date and flow */
    get: {
      parameters: {
        query?: {
          /** @description The caller or the called number */
          number?: string;
          from?: string;
          to?: string;
          flowId?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CallRecord'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The filter cannot match anything (from after to) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/calls/volume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Calls per day or hour (in a time zone), answered and abandoned, for the same filters */
    get: {
      parameters: {
        query?: {
          /** @description The caller or the called number */
          number?: string;
          from?: string;
          to?: string;
          flowId?: string;
          bucket?: 'day' | 'hour';
          /** @description Days and hours are counted in this time zone (default UTC) */
          tz?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Oldest period first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CallVolume'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The filter cannot match anything (from after to) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/calls/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One call: from, to, times, path through the flow, digits pressed, who hung up */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The call */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CallRecord'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The reports this workspace can produce, with their titles in the caller’s language */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every report */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ReportInfo'][];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One report for a period (buckets in the workspace’s time zone): the document as JSON, or a CSV, Excel or PDF download */
    get: {
      parameters: {
        query?: {
          /** @description Start of the period, inclusive (ISO-8601 with offset); default: 30 days before `to` */
          from?: string;
          /** @description End of the period, exclusive; default: now */
          to?: string;
          /** @description Rows and chart points per minute, hour, day, week (from Monday) or month */
          bucket?: 'minute' | 'hour' | 'day' | 'week' | 'month';
          /** @description IANA zone the buckets are cut in; default: the workspace’s (UTC if unset) */
          timezone?: string;
          channel?: 'voice' | 'sms' | 'whatsapp' | 'email' | 'webchat';
          flowId?: string;
          flowVersion?: number;
          /** @description An agent queue’s name */
          queue?: string;
          campaignId?: string;
          /** @description The agent who answered (the address the queue rang, e.g. sip:ana@pbx) */
          agentId?: string;
          /** @description The language of titles and labels; default: Accept-Language (a download link sets it) */
          language?: 'es' | 'en';
          /** @description json (the document), csv (one section per table), xlsx or pdf */
          format?: 'json' | 'csv' | 'xlsx' | 'pdf';
        };
        header?: never;
        path: {
          name: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The report (json) or its file (csv, xlsx, pdf) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReportDocument'];
            'text/csv': string;
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
            'application/pdf': string;
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Contacts, newest first: search by name or address; filter by tag, channel, consent, opt-out */
    get: {
      parameters: {
        query?: {
          q?: string;
          tag?: string;
          channel?: 'whatsapp' | 'sms' | 'webchat' | 'email';
          consent?: 'true' | 'false';
          optedOut?: 'true' | 'false';
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Contact'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Add a person with their addresses (`contacts:edit`) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ContactInput'];
        };
      };
      responses: {
        /** @description The new contact */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Contact'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One person: names, language, time zone, tags, fields, addresses with consent */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The contact */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Contact'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Data-protection erasure (`contacts:erase`): the person, their addresses, message bodies and call recordings go; counts stay */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description What was erased */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              messages: number;
              recordings: number;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change names, language, time zone, tags or fields (`contacts:edit`); null clears a field */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ContactPatch'];
        };
      };
      responses: {
        /** @description The contact now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Contact'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/contacts/{id}/addresses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a phone, email, WhatsApp id or web chat session, with consent if given (`contacts:edit`) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ContactAddressInput'];
        };
      };
      responses: {
        /** @description The contact now */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Contact'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/addresses/{addressId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove an address from a person (`contacts:edit`); its messages stay */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          addressId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Record or withdraw consent, opt out or back in, on one address (`contacts:edit`) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          addressId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ContactAddressPatch'];
        };
      };
      responses: {
        /** @description The address now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ContactAddress'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/contacts/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Fold a duplicate into this person (`contacts:erase`): addresses, history, campaigns and lists follow */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ContactMerge'];
        };
      };
      responses: {
        /** @description The kept contact */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Contact'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every call, message, email event, run and campaign of the person, newest first */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelineItem'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Data-protection access request (admin): one zip of everything held about the contact, with a manifest of checksums */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description contact.json, addresses.csv, messages.jsonl, runs, calls, recordings/*.wav… and manifest.json */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/zip': string;
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only admins handle data-protection requests */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{id}/erase': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Data-protection erasure (admin): names, fields, addresses, message bodies and recordings go; the contact stays as an anonymous row so counts hold. Repeating it is harmless */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description What was erased */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ContactErasure'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Only admins handle data-protection requests */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/backups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The backups in the backup folder, or bucket when set (newest first), the settings and the last result (admin) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Backups and the last backup job */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              settings: {
                keep: number;
                everyDays: number;
              };
              items: components['schemas']['Backup'][];
              last: components['schemas']['DataJob'];
            };
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Start a backup now; follow it with GET /backups/jobs/{id} (admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The backup started */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DataJob'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
              };
            };
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/backups/jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One backup job: its progress, and its archive or error once it ends (admin) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The job */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DataJob'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
              };
            };
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspace-exports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Export this workspace whole (JSON lines, CSV, WAV and a manifest in one .tar) (admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The export started */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DataJob'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspace-exports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One workspace export: its progress, and its size and checksum once written (admin) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The export */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DataJob'];
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
              };
            };
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspace-exports/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a finished workspace export (application/x-tar) (admin) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The archive */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/x-tar': string;
          };
        };
        /** @description The request is malformed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in or bad API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not an admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: {
                code: string;
                message: string;
              };
            };
          };
        };
        /** @description No such resource in this workspace */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The resource is not in a state that allows this */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Health: {
      /** @enum {string} */
      status: 'ok' | 'degraded';
      checks: {
        db: string;
        temporal: string;
      };
    };
    User: {
      id: string;
      email: string;
      name: string;
      role: string;
      workspaceId: string;
    };
    /** @description Set (and `user` null) when the person has a second factor: send the code to /auth/second-factor */
    SecondFactorStep: {
      token: string;
    };
    Error: {
      error: {
        code: string;
        message: string;
        details?: unknown;
      };
    };
    WebChatMessage: {
      id: string;
      /** @enum {string} */
      from: 'bot' | 'visitor';
      text?: string;
      chips?: {
        id: string;
        title: string;
      }[];
      media?: {
        /** @enum {string} */
        kind: 'image' | 'audio' | 'video' | 'document';
        url: string;
        caption?: string;
      };
      at: string;
    };
    OAuthToken: {
      access_token: string;
      /** @enum {string} */
      token_type: 'Bearer';
      expires_in: number;
      scope: string;
    };
    OAuthError: {
      /** @enum {string} */
      error:
        'invalid_request' | 'invalid_client' | 'invalid_grant' | 'invalid_scope' | 'unsupported_grant_type';
      error_description: string;
    };
    /** @enum {string} */
    Permission:
      | 'flows:read'
      | 'flows:edit'
      | 'flows:publish'
      | 'sandbox:use'
      | 'runs:read'
      | 'runs:start'
      | 'runs:operate'
      | 'messages:read'
      | 'messages:send'
      | 'conversations:read'
      | 'conversations:reply'
      | 'calls:read'
      | 'recordings:read'
      | 'recordings:manage'
      | 'contacts:read'
      | 'contacts:edit'
      | 'contacts:erase'
      | 'contacts:export'
      | 'contact-fields:manage'
      | 'segments:manage'
      | 'imports:manage'
      | 'campaigns:read'
      | 'campaigns:manage'
      | 'campaigns:control'
      | 'templates:read'
      | 'templates:manage'
      | 'voice-prompts:manage'
      | 'quotas:read'
      | 'reports:read'
      | 'quotas:manage'
      | 'settings:read'
      | 'settings:manage'
      | 'channels:read'
      | 'channels:manage'
      | 'api-keys:own'
      | 'api-keys:manage'
      | 'users:manage'
      | 'audit:read'
      | 'webhooks:manage'
      | 'reports:manage'
      | 'backups:manage'
      | 'workspaces:manage';
    Person: {
      id: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: 'admin' | 'supervisor' | 'coordinator' | 'designer' | 'agent' | 'viewer';
      /** @enum {string} */
      language: 'es' | 'en';
      /** @enum {string} */
      status: 'active' | 'deactivated';
      /** @description Signs in with a code from an authenticator app after the password */
      secondFactor: boolean;
      createdAt: string;
      lastSeenAt: string | null;
      /** @description Sessions open now */
      sessions: number;
    };
    Invitation: {
      id: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: 'admin' | 'supervisor' | 'coordinator' | 'designer' | 'agent' | 'viewer';
      /** @enum {string} */
      language: 'es' | 'en';
      createdAt: string;
      expiresAt: string;
    };
    LinkHandOver: {
      /** @description The link went by mail through the workspace’s email channel */
      mailed: boolean;
      /** @description Only when it was not mailed (no email channel, or the send failed): hand it over yourself */
      link?: string;
      /** @description Why the mail could not be sent, when it was tried */
      mailError?: string;
    };
    Session: {
      id: string;
      createdAt: string;
      lastSeenAt: string | null;
      expiresAt: string;
      ipAddress: string | null;
      userAgent: string | null;
      /** @description The session this request came with */
      current: boolean;
    };
    ApiKey: {
      id: string;
      name: string;
      prefix: string;
      /** @enum {string} */
      role: 'admin' | 'supervisor' | 'coordinator' | 'designer' | 'agent' | 'viewer';
      createdBy: string | null;
      /** @description null: all the role allows */
      scopes: ('read' | 'messages:send' | 'runs:write' | 'flows:write' | 'admin')[] | null;
      createdAt: string;
      expiresAt: string | null;
      lastUsedAt: string | null;
      lastUsedIp: string | null;
    };
    OAuthClient: {
      id: string;
      name: string;
      clientId: string;
      /** @enum {string} */
      role: 'admin' | 'supervisor' | 'coordinator' | 'designer' | 'agent' | 'viewer';
      scopes: ('read' | 'messages:send' | 'runs:write' | 'flows:write' | 'admin')[];
      createdBy: string | null;
      createdAt: string;
      expiresAt: string | null;
      lastUsedAt: string | null;
      lastUsedIp: string | null;
    };
    NodeType: {
      type: string;
      version: number;
      title: {
        en: string;
        es: string;
      };
      description: {
        en: string;
        es: string;
      };
      /** @enum {string} */
      category: 'flow' | 'logic' | 'http' | 'messaging' | 'voice' | 'email' | 'data' | 'ai';
      icon: string;
      trigger: boolean;
      waits: boolean;
      ports: string[];
      dynamicPorts: boolean;
      portRows?: string;
      requiredPorts: string[];
      portDescriptions: {
        port: string;
        text: {
          en: string;
          es: string;
        };
      }[];
      rowPortDescription?: {
        en: string;
        es: string;
      };
      summary: (
        | {
            field: string;
            as?: string;
            label?: {
              en: string;
              es: string;
            };
            before?: string;
          }
        | {
            rows: string;
            show: (
              | string
              | {
                  field: string;
                  as?: string;
                }
            )[];
            join?: string;
            label?: {
              en: string;
              es: string;
            };
          }
      )[];
      configSchema?: unknown;
      outputSchema?: unknown;
    };
    WorkspaceSettings: {
      runRetentionDays: number;
      auditRetentionDays: number;
      slaTargetPercent: number;
    };
    Workspace: {
      id: string;
      name: string;
      /**
       * @description The caller’s role in this workspace
       * @enum {string}
       */
      role: 'admin' | 'supervisor' | 'coordinator' | 'designer' | 'agent' | 'viewer';
      /** @description Whether the caller acts in this workspace now */
      current: boolean;
    };
    WorkspaceMember: {
      userId: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: 'admin' | 'supervisor' | 'coordinator' | 'designer' | 'agent' | 'viewer';
      since: string;
    };
    DefaultCountry: {
      country: string | null;
    };
    CampaignSettings: {
      /**
       * @description IANA zone (America/Lima) for people whose own zone is unknown; null: UTC
       * @example America/Lima
       */
      timezone: string | null;
      /** @description Local times (in each person’s zone) between which nothing is sent; null: none */
      quietHours: {
        /** @example 21:00 */
        from: string;
        /** @example 21:00 */
        to: string;
      } | null;
      /** @description At most `messages` marketing messages per person every `days` days; null: no cap */
      frequencyCap: {
        messages: number;
        days: number;
      } | null;
    };
    CampaignSettingsInput: {
      /**
       * @description IANA zone (America/Lima) for people whose own zone is unknown; null: UTC
       * @example America/Lima
       */
      timezone?: string | null;
      /** @description Local times (in each person’s zone) between which nothing is sent; null: none */
      quietHours?: {
        /** @example 21:00 */
        from: string;
        /** @example 21:00 */
        to: string;
      } | null;
      /** @description At most `messages` marketing messages per person every `days` days; null: no cap */
      frequencyCap?: {
        messages: number;
        days: number;
      } | null;
    };
    MailDomains: {
      domains: string[];
    };
    ImapMailbox: {
      id: string;
      host: string;
      port: number;
      /** @enum {string} */
      security: 'tls' | 'starttls' | 'none';
      user: string;
      /**
       * @description The password is saved; it is never shown
       * @enum {boolean}
       */
      hasPassword: true;
      folder: string;
      address: string;
      pollSeconds: number;
      enabled: boolean;
      /**
       * @description working: signed in since the last failure; failing: the last attempt failed (see lastError); connecting: not signed in yet; off: disabled
       * @enum {string}
       */
      status: 'working' | 'failing' | 'connecting' | 'off';
      /** @description When the poller last signed in */
      connectedAt: string | null;
      /** @description The last problem: a connection failure, or a mail set aside */
      lastError: {
        code: string;
        message: string;
        at: string;
      } | null;
      lastMailAt: string | null;
      createdAt: string;
      updatedAt: string;
    };
    ImapMailboxInput: {
      host: string;
      port: number;
      /** @enum {string} */
      security: 'tls' | 'starttls' | 'none';
      user: string;
      password: string;
      /** @description Default INBOX */
      folder?: string;
      /**
       * Format: email
       * @description The address people write to; default the user, when it is an address
       */
      address?: string;
      /** @description A look this often besides IMAP IDLE (default 60) */
      pollSeconds?: number;
      /** @description Default true */
      enabled?: boolean;
    };
    ImapMailboxTest: {
      /**
       * Format: uuid
       * @description A saved mailbox whose password to use when none is given
       */
      id?: string;
      host: string;
      port: number;
      /** @enum {string} */
      security: 'tls' | 'starttls' | 'none';
      user: string;
      password?: string;
      folder?: string;
    };
    ImapMailboxChange: {
      host?: string;
      port?: number;
      /** @enum {string} */
      security?: 'tls' | 'starttls' | 'none';
      user?: string;
      /** @description Left out: the saved password stays */
      password?: string;
      folder?: string;
      /** Format: email */
      address?: string;
      pollSeconds?: number;
      enabled?: boolean;
    };
    ChannelNumber: {
      id: string;
      /** @enum {string} */
      channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
      /** @description What the provider’s webhooks name it by (phone_number_id, To) */
      address: string;
      name: string;
      /** @enum {string} */
      provider: 'whatsapp-cloud' | 'smpp' | 'twilio' | 'smtp' | 'sandbox';
      config: {
        [key: string]: unknown;
      };
      secretsSet: string[];
      createdAt: string;
      webhooks?: {
        [key: string]: string;
      };
    };
    ChannelSettingsInput:
      | {
          /** @enum {string} */
          provider: 'whatsapp-cloud';
          config: {
            phoneNumberId: string;
            /** @default v21.0 */
            apiVersion: string;
            /** Format: uri */
            baseUrl?: string;
            messagesPerSecond?: number;
          };
          /** @default {} */
          secrets: {
            accessToken?: string;
            appSecret?: string;
            verifyToken?: string;
          };
        }
      | {
          /** @enum {string} */
          provider: 'smpp';
          config: {
            host: string;
            /** @default 2775 */
            port: number;
            systemId: string;
            systemType?: string;
            sourceAddress: string;
            windowSize?: number;
            messagesPerSecond?: number;
            enquireLinkIntervalMs?: number;
          };
          /** @default {} */
          secrets: {
            password?: string;
          };
        }
      | {
          /** @enum {string} */
          provider: 'twilio';
          config: {
            accountSid: string;
            from?: string;
            messagingServiceSid?: string;
            /** Format: uri */
            baseUrl?: string;
            /** Format: uri */
            statusCallbackUrl?: string;
            messagesPerSecond?: number;
          };
          /** @default {} */
          secrets: {
            authToken?: string;
          };
        }
      | {
          /** @enum {string} */
          provider: 'smtp';
          config: {
            host: string;
            /** @default 587 */
            port: number;
            /**
             * @default starttls
             * @enum {string}
             */
            security: 'tls' | 'starttls' | 'none';
            user?: string;
            /** Format: email */
            fromAddress: string;
            fromName?: string;
            maxConnections?: number;
            messagesPerHour?: number;
          };
          /** @default {} */
          secrets: {
            password?: string;
          };
        }
      | {
          /** @enum {string} */
          provider: 'sandbox';
          /** @default {} */
          config: Record<string, never>;
          /** @default {} */
          secrets: Record<string, never>;
        };
    ChannelSettings: {
      /** @enum {string} */
      channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
      /** @enum {string|null} */
      provider: 'whatsapp-cloud' | 'smpp' | 'twilio' | 'smtp' | 'sandbox' | null;
      /**
       * @description Where the provider comes from; `none`: no provider and this server refuses the sandbox (sends fail with CHANNEL_NOT_CONFIGURED)
       * @enum {string}
       */
      source: 'settings' | 'environment' | 'sandbox' | 'none';
      /** @description Sends on this channel go to the sandbox: recorded as delivered, reaching no one */
      sandbox: boolean;
      config: {
        [key: string]: unknown;
      };
      /** @description Names of the secrets saved; never their values */
      secretsSet: string[];
      keyId: string | null;
      updatedAt: string | null;
      webhooks?: {
        [key: string]: string;
      };
    };
    /** @description Channels on the sandbox that published flows talk on, with those flows: their messages reach no one. Empty when there are none. */
    SandboxInUse: {
      /** @enum {string} */
      channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
      flows: {
        id: string;
        name: string;
      }[];
    }[];
    DkimKey: {
      domain: string;
      selector: string;
      /** @description Base64 DER, the p= of the record */
      publicKey: string;
      dnsRecord: {
        /** @description Where to publish it: <selector>._domainkey.<domain> */
        name: string;
        /** @enum {string} */
        type: 'TXT';
        /** @description The TXT record’s text, as a DNS provider’s form takes it */
        value: string;
        /** @description The same in zone-file syntax, in strings of ≤ 255 characters */
        zoneLine: string;
      };
      createdAt: string;
    };
    DkimKeyInput: {
      /** @description The DNS selector; `of<year><month>` when left out */
      selector?: string;
      /** @description An RSA private key in PEM to use; a new 2048-bit key is made when left out */
      privateKey?: string;
    };
    SendingServer: {
      host: string;
      /**
       * @description Read from the workspace’s email channel settings, or from OMNIFLOW_SMTP_URL
       * @enum {string}
       */
      source: 'settings' | 'environment';
    } | null;
    DeliverabilityReport: {
      domain: string;
      checkedAt: string;
      sendingServer: components['schemas']['SendingServer'];
      checks: components['schemas']['DeliverabilityCheck'][];
    };
    DeliverabilityCheck: {
      /** @enum {string} */
      kind: 'spf' | 'dkim' | 'dmarc' | 'mx';
      /**
       * @description `unknown`: could not be checked (DNS did not answer, the sending server is not known)
       * @enum {string}
       */
      status: 'ok' | 'unknown' | 'warning' | 'error';
      /** @description The main finding first, then notes; the builder words each code */
      findings: {
        /** @enum {string} */
        code:
          | 'DNS_FAILED'
          | 'SPF_OK'
          | 'SPF_MISSING'
          | 'SPF_MULTIPLE'
          | 'SPF_INVALID'
          | 'SPF_TOO_MANY_LOOKUPS'
          | 'SPF_ALLOWS_EVERYONE'
          | 'SPF_SERVER_NOT_ALLOWED'
          | 'SPF_SERVER_UNKNOWN'
          | 'SPF_SERVER_PRIVATE'
          | 'SPF_SERVER_UNRESOLVED'
          | 'DKIM_OK'
          | 'DKIM_NO_KEY'
          | 'DKIM_HELD_KEY_UNREADABLE'
          | 'DKIM_MISSING'
          | 'DKIM_MULTIPLE'
          | 'DKIM_INVALID'
          | 'DKIM_REVOKED'
          | 'DKIM_KEY_MISMATCH'
          | 'DKIM_TESTING'
          | 'DMARC_POLICY_REJECT'
          | 'DMARC_POLICY_QUARANTINE'
          | 'DMARC_POLICY_NONE'
          | 'DMARC_INHERITED'
          | 'DMARC_PARTIAL'
          | 'DMARC_MISSING'
          | 'DMARC_MULTIPLE'
          | 'DMARC_INVALID'
          | 'MX_OK'
          | 'MX_MISSING'
          | 'MX_NULL'
          | 'MX_HOST_IS_ADDRESS'
          | 'MX_HOST_UNRESOLVED';
        params: {
          [key: string]: string;
        };
      }[];
      /** @description What DNS answers for this record today */
      published: string[];
      /** @description The exact record to publish, when one is missing or wrong */
      record?: {
        name: string;
        /** @enum {string} */
        type: 'TXT' | 'MX';
        value: string;
        /** @description The published record this one replaces */
        replaces?: string;
      };
    };
    Flow: components['schemas']['FlowSummary'] & {
      draft: {
        /**
         * @default 1
         * @enum {number}
         */
        schemaVersion: 1;
        name: string;
        /** @default  */
        description: string;
        /** @enum {string} */
        language?: 'es' | 'en';
        trigger?: {
          node: string;
        };
        reusable?: boolean;
        nodes: {
          id: string;
          type: string;
          /** @default 1 */
          version: number;
          /** @default {} */
          config: {
            [key: string]: unknown;
          };
          /**
           * @default {
           *       "x": 0,
           *       "y": 0
           *     }
           */
          position: {
            x: number;
            y: number;
          };
          label?: string;
        }[];
        edges: {
          id: string;
          from: {
            node: string;
            port: string;
          };
          to: {
            node: string;
          };
        }[];
        /** @default [] */
        variables: {
          name: string;
          /**
           * @default string
           * @enum {string}
           */
          type: 'string' | 'number' | 'boolean' | 'object' | 'array';
          default?: unknown;
        }[];
      };
    };
    FlowSummary: {
      id: string;
      name: string;
      description: string;
      latestVersion: number | null;
      reusable: boolean;
      createdAt: string;
      updatedAt: string;
    };
    ValidationResult: {
      ok: boolean;
      errors: components['schemas']['ValidationIssue'][];
      warnings: components['schemas']['ValidationIssue'][];
    };
    ValidationIssue: {
      code: string;
      message: string;
      /** @enum {string} */
      severity: 'error' | 'warning';
      nodeId?: string;
      edgeId?: string;
      path?: (string | number)[];
      params?: {
        [key: string]: string | number;
      };
    };
    FlowVersionSummary: {
      version: number;
      hash: string;
      notes: string;
      publishedAt: string;
      publishedBy: string | null;
    };
    FlowHook: {
      /** @description The trigger’s path, as matched (lowercase, no end slashes) */
      path: string;
      method: string;
      /** @enum {string} */
      auth: 'none' | 'apiKey' | 'hmac';
      /** @description Runs the published version */
      productionUrl: string;
      /** @description Runs the current draft (a test run) */
      testUrl: string;
      /** @description When the HMAC secret was made; null: none yet */
      secretMadeAt: string | null;
    };
    FlowTemplate: {
      id: string;
      /** @enum {string} */
      channel: 'voice' | 'whatsapp' | 'chat' | 'email' | 'sms';
      title: string;
      summary: string;
      preview: string;
      nodeCount: number;
    };
    FlowFromTemplate: {
      /** @enum {string} */
      language: 'es' | 'en';
    };
    Inflight: {
      total: number;
      byNode: {
        [key: string]: number;
      };
      byVersion: {
        version: number;
        total: number;
        byNode: {
          [key: string]: number;
        };
      }[];
    };
    WhatIfResult: {
      runId: string;
      changed: boolean;
      /** @enum {string} */
      status: 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'abandoned' | 'skipped';
      originalPath: string[];
      draftPath: string[];
      divergedAt: {
        index: number;
        originalNodeId: string | null;
        draftNodeId: string | null;
      } | null;
      assumed: string[];
    };
    FlowAnalytics: {
      flowId: string;
      version: number | null;
      from: string;
      to: string;
      graphVersion: number | null;
      runs: {
        total: number;
        completed: number;
        failed: number;
        abandoned: number;
        cancelled: number;
        inProgress: number;
      };
      nodes: components['schemas']['NodeAnalytics'][];
      menus: {
        nodeId: string;
        options: {
          port: string;
          digit: string | null;
          label: string;
          count: number;
        }[];
      }[];
      funnels: {
        endNodeId: string;
        stages: {
          nodeId: string;
          runs: number;
        }[];
      }[];
    };
    NodeAnalytics: {
      nodeId: string;
      nodeType: string;
      /** @description Runs that entered the node at least once */
      entered: number;
      /** @description Entries, each return of a run counted */
      visits: number;
      /** @description Mean seconds from entering to leaving by a port; null at an end node */
      avgSeconds: number | null;
      /** @description Runs that completed with this node as their last step */
      ended: number;
      /** @description Runs abandoned (caller hung up) with this node as their last step */
      abandoned: number;
      /** @description Runs that failed with this node as their last step */
      failed: number;
      /** @description Runs cancelled with this node as their last step */
      cancelled: number;
      /** @description Runs running or waiting at this node now */
      inProgress: number;
      ports: {
        port: string;
        count: number;
      }[];
      delivery: {
        sent: number;
        delivered: number;
        read: number;
        replied: number;
        failed: number;
      } | null;
    };
    RunSummary: {
      id: string;
      flowId: string;
      flowName: string;
      version: number;
      test: boolean;
      /** @enum {string} */
      status: 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'abandoned' | 'skipped';
      currentNodes: string[];
      failedNodeId: string | null;
      contact: string | null;
      startedAt: string;
      endedAt: string | null;
      rerunOf: string | null;
      parentRunId: string | null;
      detailsExpired: boolean;
      skipReason: string | null;
    };
    RunFilter: {
      /** Format: uuid */
      flowId?: string;
      status?: ('running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'abandoned' | 'skipped')[];
      version?: number | null;
      /** Format: date-time */
      from?: string;
      /** Format: date-time */
      to?: string;
      contact?: string;
      nodeId?: string;
    };
    BulkJob: {
      id: string;
      /**
       * @description `cancel` running/waiting runs, `rerun` ended runs, `retry` failed runs from their failed step
       * @enum {string}
       */
      action: 'cancel' | 'rerun' | 'retry';
      /** @enum {string} */
      status: 'running' | 'completed' | 'failed';
      total: number;
      done: number;
      succeeded: number;
      failed: number;
      errors: {
        runId: string;
        message: string;
      }[];
    };
    Run: components['schemas']['RunSummary'] & {
      input?: unknown;
      output?: unknown;
      error: components['schemas']['RunFault'];
      steps: components['schemas']['RunStep'][];
      events: components['schemas']['RunEventRecord'][];
      messages: components['schemas']['Message'][];
      graph: {
        /**
         * @default 1
         * @enum {number}
         */
        schemaVersion: 1;
        name: string;
        /** @default  */
        description: string;
        /** @enum {string} */
        language?: 'es' | 'en';
        trigger?: {
          node: string;
        };
        reusable?: boolean;
        nodes: {
          id: string;
          type: string;
          /** @default 1 */
          version: number;
          /** @default {} */
          config: {
            [key: string]: unknown;
          };
          /**
           * @default {
           *       "x": 0,
           *       "y": 0
           *     }
           */
          position: {
            x: number;
            y: number;
          };
          label?: string;
        }[];
        edges: {
          id: string;
          from: {
            node: string;
            port: string;
          };
          to: {
            node: string;
          };
        }[];
        /** @default [] */
        variables: {
          name: string;
          /**
           * @default string
           * @enum {string}
           */
          type: 'string' | 'number' | 'boolean' | 'object' | 'array';
          default?: unknown;
        }[];
      };
      reruns: string[];
      childRuns: {
        id: string;
        flowId: string;
        flowName: string;
        nodeId: string | null;
        /** @enum {string} */
        status: 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'abandoned' | 'skipped';
      }[];
      summary: {
        stepCount: number;
        path: string[];
        lastNodeId: string | null;
      } | null;
    };
    RunFault: {
      message: string;
      code?: string;
      nodeId?: string;
    } | null;
    RunStep: {
      seq: number;
      nodeId: string;
      nodeType: string;
      enteredAt: string;
      leftAt: string | null;
      durationMs: number | null;
      port: string | null;
      attempts: number | null;
      input?: unknown;
      output?: unknown;
      error: components['schemas']['RunFault'];
    };
    RunEventRecord: {
      seq: number;
      type: string;
      data?: unknown;
      receivedAt: string;
    };
    Message: {
      id: string;
      /** @enum {string} */
      channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
      /** @enum {string} */
      direction: 'outbound' | 'inbound';
      contactAddress: string;
      ourAddress: string;
      runId: string | null;
      nodeId: string | null;
      providerMessageId: string | null;
      body?: unknown;
      segments: number;
      /** @enum {string} */
      status:
        | 'queued'
        | 'sent'
        | 'delivered'
        | 'read'
        | 'failed'
        | 'undelivered'
        | 'expired'
        | 'received'
        | 'bounced';
      statusHistory: {
        /** @enum {string} */
        status:
          | 'queued'
          | 'sent'
          | 'delivered'
          | 'read'
          | 'failed'
          | 'undelivered'
          | 'expired'
          | 'received'
          | 'bounced';
        at: string;
        errorCode?: string;
        errorMessage?: string;
      }[];
      errorCode: string | null;
      createdAt: string;
      emailEvents?: components['schemas']['EmailEvent'][];
    };
    EmailEvent: {
      /** @enum {string} */
      type: 'open' | 'click' | 'bounce' | 'complaint' | 'unsubscribe';
      at: string;
      userAgent: string | null;
      url: string | null;
      proxy: boolean;
      detail: {
        [key: string]: unknown;
      };
    };
    RunEvent: {
      type: string;
      data?: unknown;
    };
    ReplayResult:
      | {
          /** @enum {string} */
          mode: 'verify';
          deterministic: boolean;
          error: string | null;
          historyLength: number;
        }
      | {
          /** @enum {string} */
          mode: 'rerun';
          runId: string;
          version: number;
        }
      | {
          /** @enum {string} */
          mode: 'retry-from-step';
          runId: string;
          fromSeq: number;
          /** @enum {string} */
          status: 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'abandoned' | 'skipped';
        };
    ReplayRequest:
      | {
          /** @enum {string} */
          mode: 'verify';
        }
      | {
          /** @enum {string} */
          mode: 'rerun';
          version?: number;
        }
      | {
          /** @enum {string} */
          mode: 'retry-from-step';
          seq: number;
        };
    LiveDashboard: {
      at: string;
      timezone: string;
      calls: {
        inIvr: number;
        waitingInQueue: number;
        withAgent: number;
        abandonedToday: number;
      };
      conversations: {
        channel: string;
        open: number;
      }[];
      runsPerMinute: {
        minute: string;
        started: number;
        completed: number;
        failed: number;
      }[];
      messagesPerMinute: {
        channel: string;
        minutes: {
          minute: string;
          sent: number;
          delivered: number;
          failed: number;
        }[];
      }[];
      campaigns: {
        id: string;
        name: string;
        kind: string;
        targeted: number;
        sent: number;
        delivered: number;
        failed: number;
        progress: number;
        remaining: number;
        rate: number | null;
        finishAt: string | null;
      }[];
      health: {
        component: string;
        kind: string;
        up: boolean;
        sampledAt: string;
        intervalMs: number;
        lastSuccessAt: string | null;
        lastError: string | null;
        lastErrorAt: string | null;
        stale: boolean;
      }[];
    };
    SentMessage: {
      id: string;
      channel: string;
      to: string;
      /** @enum {string} */
      status:
        | 'queued'
        | 'sent'
        | 'delivered'
        | 'read'
        | 'failed'
        | 'undelivered'
        | 'expired'
        | 'received'
        | 'bounced';
      statusHistory: {
        /** @enum {string} */
        status:
          | 'queued'
          | 'sent'
          | 'delivered'
          | 'read'
          | 'failed'
          | 'undelivered'
          | 'expired'
          | 'received'
          | 'bounced';
        at: string;
        errorCode?: string;
        errorMessage?: string;
      }[];
      errorCode: string | null;
      segments: number;
      apiKeyId: string | null;
      createdAt: string;
      updatedAt: string;
    };
    StatusWebhook: {
      url: string;
      updatedAt: string;
      /** @description The signing secret, answered only when it is made: keep it, it is never shown again */
      secret?: string;
    };
    StatusWebhookInput: {
      url: string;
      /** @description Make a new signing secret (the old one stops at once); default false */
      newSecret?: boolean;
    };
    AiProvider: {
      baseUrl: string;
      model: string;
      hasApiKey: boolean;
      updatedAt: string;
    };
    AiProviderInput: {
      /** Format: uri */
      baseUrl: string;
      model: string;
      /** @description Sealed at rest and never answered; omit to keep the saved one, null to remove it */
      apiKey?: string | null;
    };
    WebhookSubscription: {
      id: string;
      url: string;
      description: string;
      events: components['schemas']['WebhookEventType'][];
      active: boolean;
      createdAt: string;
      updatedAt: string;
      /** @description The signing secret, answered only when it is made: keep it, it is never shown again */
      secret?: string;
    };
    /** @enum {string} */
    WebhookEventType:
      | 'run.started'
      | 'run.completed'
      | 'run.failed'
      | 'message.sent'
      | 'message.delivered'
      | 'message.read'
      | 'message.failed'
      | 'message.received'
      | 'call.started'
      | 'call.ended'
      | 'campaign.started'
      | 'campaign.paused'
      | 'campaign.resumed'
      | 'campaign.finished';
    WebhookSubscriptionInput: {
      url: string;
      events: components['schemas']['WebhookEventType'][];
      description?: string;
      active?: boolean;
    };
    WebhookSubscriptionChange: {
      url?: string;
      events?: components['schemas']['WebhookEventType'][];
      description?: string;
      active?: boolean;
      /** @description Make a new signing secret (the old one stops at once) */
      newSecret?: boolean;
    };
    WebhookDelivery: {
      id: string;
      eventId: string;
      eventType: string;
      /** @enum {string} */
      state: 'pending' | 'delivered' | 'failed';
      nextAttemptAt: string | null;
      deliveredAt: string | null;
      createdAt: string;
      lastStatusCode: number | null;
      lastError: string | null;
      /** @description The exact JSON body POSTed (what the signature covers) */
      body: string;
      attempts: components['schemas']['WebhookDeliveryAttempt'][];
    };
    WebhookDeliveryAttempt: {
      at: string;
      statusCode: number | null;
      durationMs: number;
      error: string | null;
    };
    CaughtMailSummary: {
      id: string;
      from: string;
      to: string[];
      subject: string;
      createdAt: string;
    };
    CaughtMail: {
      id: string;
      /** @description The `messages` row of the send */
      messageId: string | null;
      runId: string | null;
      from: string;
      to: string[];
      cc: string[];
      subject: string;
      createdAt: string;
      headers: {
        name: string;
        value: string;
      }[];
      text: string;
      /** @description As sent: show it only in a sandboxed frame */
      html: string | null;
      /** @description The List-Unsubscribe links */
      unsubscribe: string[];
      dkimSigned: boolean;
      attachments: {
        filename: string;
        contentType: string;
        bytes: number;
      }[];
    };
    WrittenMail: {
      /** Format: email */
      from: string;
      /** Format: email */
      to: string;
      /** @default  */
      subject: string;
      text: string;
    };
    Conversation: {
      id: string;
      channel: string;
      contactAddress: string;
      runId: string | null;
      /** @enum {string} */
      status: 'bot' | 'agent' | 'closed';
      queue: string | null;
      createdAt: string;
      closedAt: string | null;
    };
    Template: {
      id: string;
      name: string;
      /** @enum {string} */
      kind: 'email' | 'text';
      description: string;
      variants: {
        es?: components['schemas']['TemplateVariant'];
        en?: components['schemas']['TemplateVariant'];
      };
      createdAt: string;
      updatedAt: string;
    };
    TemplateVariant: {
      subject?: string;
      body: string;
    };
    TemplatePreview: {
      subject?: string;
      html?: string;
      text: string;
      sms: {
        /** @enum {string} */
        encoding: 'gsm7' | 'ucs2';
        units: number;
        segments: number;
      };
      problems: components['schemas']['TemplateProblem'][];
      renderError?: {
        code: string;
        message: string;
      };
    };
    TemplateProblem: {
      /** @enum {string} */
      language: 'es' | 'en';
      /** @enum {string} */
      field: 'subject' | 'body';
      /** @enum {string} */
      code: 'LIQUID_INVALID' | 'MJML_INVALID' | 'INCLUDE_UNKNOWN';
      message: string;
      line?: number;
      column?: number;
    };
    TemplateUser: {
      flowId: string;
      flowName: string;
      version: number;
      nodeIds: string[];
    };
    TemplateConflict: {
      error: {
        code: string;
        message: string;
        details?: {
          flows: components['schemas']['TemplateUser'][];
        };
      };
    };
    TemplateInvalid: {
      error: {
        /** @enum {string} */
        code: 'TEMPLATE_INVALID';
        message: string;
        details: {
          problems: components['schemas']['TemplateProblem'][];
        };
      };
    };
    TemplateInput: {
      name: string;
      /** @enum {string} */
      kind: 'email' | 'text';
      /** @default  */
      description: string;
      variants: {
        es?: components['schemas']['TemplateVariant'];
        en?: components['schemas']['TemplateVariant'];
      };
    };
    ReportSchedule: {
      id: string;
      report: string;
      /** @enum {string} */
      period: 'yesterday' | 'last-week' | 'last-month';
      /** @enum {string} */
      bucket: 'minute' | 'hour' | 'day' | 'week' | 'month';
      filters: {
        channel?: string;
        /** Format: uuid */
        flowId?: string;
        queue?: string;
        /** Format: uuid */
        campaignId?: string;
        /** Format: uuid */
        agentId?: string;
      };
      /** @enum {string} */
      format: 'xlsx' | 'pdf';
      /** @enum {string} */
      frequency: 'daily' | 'weekly' | 'monthly';
      hour: number;
      recipients: string[];
      /** @enum {string} */
      language: 'es' | 'en';
      enabled: boolean;
      timezone: string;
      nextRunAt: string;
      lastDelivery: components['schemas']['ReportDelivery'];
      createdAt: string;
      updatedAt: string;
    };
    ReportDelivery: {
      id: string;
      /** @enum {string} */
      trigger: 'schedule' | 'manual';
      /** @enum {string} */
      status: 'sending' | 'sent' | 'failed';
      attempts: number;
      error: string | null;
      filename: string | null;
      bytes: number | null;
      periodFrom: string | null;
      periodTo: string | null;
      createdAt: string;
      finishedAt: string | null;
    } | null;
    ReportScheduleInput: {
      report: string;
      /** @enum {string} */
      period: 'yesterday' | 'last-week' | 'last-month';
      /**
       * @default day
       * @enum {string}
       */
      bucket: 'minute' | 'hour' | 'day' | 'week' | 'month';
      /** @default {} */
      filters: {
        channel?: string;
        /** Format: uuid */
        flowId?: string;
        queue?: string;
        /** Format: uuid */
        campaignId?: string;
        /** Format: uuid */
        agentId?: string;
      };
      /** @enum {string} */
      format: 'xlsx' | 'pdf';
      /** @enum {string} */
      frequency: 'daily' | 'weekly' | 'monthly';
      hour: number;
      recipients: string[];
      /** @enum {string} */
      language: 'es' | 'en';
      /** @default true */
      enabled: boolean;
    };
    ContactField: {
      id: string;
      key: string;
      label: string;
      /** @enum {string} */
      type: 'text' | 'number' | 'date' | 'boolean' | 'choice';
      choices: string[] | null;
      createdAt: string;
    };
    ContactFieldInput: {
      key: string;
      label: string;
      /** @enum {string} */
      type: 'text' | 'number' | 'date' | 'boolean' | 'choice';
      choices?: string[];
    };
    ContactFieldPatch: {
      label?: string;
      choices?: string[];
    };
    Segment: {
      id: string;
      name: string;
      /** @enum {string} */
      kind: 'rules' | 'static';
      rules: components['schemas']['SegmentRules'];
      createdAt: string;
      updatedAt: string;
    };
    SegmentRules: {
      /** @enum {string} */
      kind: 'group';
      /** @enum {string} */
      match: 'all' | 'any';
      rules: (
        | {
            /** @enum {string} */
            kind: 'contact';
            /** @enum {string} */
            field: 'first_name' | 'last_name' | 'display_name' | 'language' | 'timezone' | 'created_at';
            /** @enum {string} */
            operator:
              | 'equals'
              | 'not_equals'
              | 'contains'
              | 'starts_with'
              | 'in_list'
              | 'greater_than'
              | 'less_than'
              | 'between'
              | 'before'
              | 'after'
              | 'is_true'
              | 'is_false'
              | 'is_empty'
              | 'is_not_empty';
            value?: string | number | boolean;
            values?: (string | number)[];
          }
        | {
            /** @enum {string} */
            kind: 'custom';
            key: string;
            /** @enum {string} */
            operator:
              | 'equals'
              | 'not_equals'
              | 'contains'
              | 'starts_with'
              | 'in_list'
              | 'greater_than'
              | 'less_than'
              | 'between'
              | 'before'
              | 'after'
              | 'is_true'
              | 'is_false'
              | 'is_empty'
              | 'is_not_empty';
            value?: string | number | boolean;
            values?: (string | number)[];
          }
        | {
            /** @enum {string} */
            kind: 'tags';
            /** @enum {string} */
            operator: 'has' | 'has_not' | 'has_any';
            tags: string[];
          }
        | {
            /** @enum {string} */
            kind: 'consent';
            /** @enum {string} */
            channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
            /** @enum {string} */
            state: 'consented' | 'not_consented' | 'opted_out';
          }
        | {
            /** @enum {string} */
            kind: 'campaign';
            /** Format: uuid */
            campaignId: string;
            /** @enum {string} */
            action: 'received' | 'opened' | 'clicked' | 'replied';
            /** @default false */
            negate: boolean;
          }
        | {
            /** @enum {string} */
            kind: 'ivr';
            /** Format: uuid */
            flowId: string;
            nodeId: string;
            option: string;
            /** @default false */
            negate: boolean;
          }
        | {
            /** @enum {string} */
            kind: 'last_contact';
            /** @enum {string} */
            operator: 'before' | 'after';
            date: string;
          }
        | {
            /** @enum {string} */
            kind: 'group';
            /** @enum {string} */
            match: 'all' | 'any';
            rules: (
              | {
                  /** @enum {string} */
                  kind: 'contact';
                  /** @enum {string} */
                  field: 'first_name' | 'last_name' | 'display_name' | 'language' | 'timezone' | 'created_at';
                  /** @enum {string} */
                  operator:
                    | 'equals'
                    | 'not_equals'
                    | 'contains'
                    | 'starts_with'
                    | 'in_list'
                    | 'greater_than'
                    | 'less_than'
                    | 'between'
                    | 'before'
                    | 'after'
                    | 'is_true'
                    | 'is_false'
                    | 'is_empty'
                    | 'is_not_empty';
                  value?: string | number | boolean;
                  values?: (string | number)[];
                }
              | {
                  /** @enum {string} */
                  kind: 'custom';
                  key: string;
                  /** @enum {string} */
                  operator:
                    | 'equals'
                    | 'not_equals'
                    | 'contains'
                    | 'starts_with'
                    | 'in_list'
                    | 'greater_than'
                    | 'less_than'
                    | 'between'
                    | 'before'
                    | 'after'
                    | 'is_true'
                    | 'is_false'
                    | 'is_empty'
                    | 'is_not_empty';
                  value?: string | number | boolean;
                  values?: (string | number)[];
                }
              | {
                  /** @enum {string} */
                  kind: 'tags';
                  /** @enum {string} */
                  operator: 'has' | 'has_not' | 'has_any';
                  tags: string[];
                }
              | {
                  /** @enum {string} */
                  kind: 'consent';
                  /** @enum {string} */
                  channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
                  /** @enum {string} */
                  state: 'consented' | 'not_consented' | 'opted_out';
                }
              | {
                  /** @enum {string} */
                  kind: 'campaign';
                  /** Format: uuid */
                  campaignId: string;
                  /** @enum {string} */
                  action: 'received' | 'opened' | 'clicked' | 'replied';
                  /** @default false */
                  negate: boolean;
                }
              | {
                  /** @enum {string} */
                  kind: 'ivr';
                  /** Format: uuid */
                  flowId: string;
                  nodeId: string;
                  option: string;
                  /** @default false */
                  negate: boolean;
                }
              | {
                  /** @enum {string} */
                  kind: 'last_contact';
                  /** @enum {string} */
                  operator: 'before' | 'after';
                  date: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'group';
                  /** @enum {string} */
                  match: 'all' | 'any';
                  rules: (
                    | {
                        /** @enum {string} */
                        kind: 'contact';
                        /** @enum {string} */
                        field:
                          | 'first_name'
                          | 'last_name'
                          | 'display_name'
                          | 'language'
                          | 'timezone'
                          | 'created_at';
                        /** @enum {string} */
                        operator:
                          | 'equals'
                          | 'not_equals'
                          | 'contains'
                          | 'starts_with'
                          | 'in_list'
                          | 'greater_than'
                          | 'less_than'
                          | 'between'
                          | 'before'
                          | 'after'
                          | 'is_true'
                          | 'is_false'
                          | 'is_empty'
                          | 'is_not_empty';
                        value?: string | number | boolean;
                        values?: (string | number)[];
                      }
                    | {
                        /** @enum {string} */
                        kind: 'custom';
                        key: string;
                        /** @enum {string} */
                        operator:
                          | 'equals'
                          | 'not_equals'
                          | 'contains'
                          | 'starts_with'
                          | 'in_list'
                          | 'greater_than'
                          | 'less_than'
                          | 'between'
                          | 'before'
                          | 'after'
                          | 'is_true'
                          | 'is_false'
                          | 'is_empty'
                          | 'is_not_empty';
                        value?: string | number | boolean;
                        values?: (string | number)[];
                      }
                    | {
                        /** @enum {string} */
                        kind: 'tags';
                        /** @enum {string} */
                        operator: 'has' | 'has_not' | 'has_any';
                        tags: string[];
                      }
                    | {
                        /** @enum {string} */
                        kind: 'consent';
                        /** @enum {string} */
                        channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
                        /** @enum {string} */
                        state: 'consented' | 'not_consented' | 'opted_out';
                      }
                    | {
                        /** @enum {string} */
                        kind: 'campaign';
                        /** Format: uuid */
                        campaignId: string;
                        /** @enum {string} */
                        action: 'received' | 'opened' | 'clicked' | 'replied';
                        /** @default false */
                        negate: boolean;
                      }
                    | {
                        /** @enum {string} */
                        kind: 'ivr';
                        /** Format: uuid */
                        flowId: string;
                        nodeId: string;
                        option: string;
                        /** @default false */
                        negate: boolean;
                      }
                    | {
                        /** @enum {string} */
                        kind: 'last_contact';
                        /** @enum {string} */
                        operator: 'before' | 'after';
                        date: string;
                      }
                    | {
                        /** @enum {string} */
                        kind: 'group';
                        /** @enum {string} */
                        match: 'all' | 'any';
                        rules: (
                          | {
                              /** @enum {string} */
                              kind: 'contact';
                              /** @enum {string} */
                              field:
                                | 'first_name'
                                | 'last_name'
                                | 'display_name'
                                | 'language'
                                | 'timezone'
                                | 'created_at';
                              /** @enum {string} */
                              operator:
                                | 'equals'
                                | 'not_equals'
                                | 'contains'
                                | 'starts_with'
                                | 'in_list'
                                | 'greater_than'
                                | 'less_than'
                                | 'between'
                                | 'before'
                                | 'after'
                                | 'is_true'
                                | 'is_false'
                                | 'is_empty'
                                | 'is_not_empty';
                              value?: string | number | boolean;
                              values?: (string | number)[];
                            }
                          | {
                              /** @enum {string} */
                              kind: 'custom';
                              key: string;
                              /** @enum {string} */
                              operator:
                                | 'equals'
                                | 'not_equals'
                                | 'contains'
                                | 'starts_with'
                                | 'in_list'
                                | 'greater_than'
                                | 'less_than'
                                | 'between'
                                | 'before'
                                | 'after'
                                | 'is_true'
                                | 'is_false'
                                | 'is_empty'
                                | 'is_not_empty';
                              value?: string | number | boolean;
                              values?: (string | number)[];
                            }
                          | {
                              /** @enum {string} */
                              kind: 'tags';
                              /** @enum {string} */
                              operator: 'has' | 'has_not' | 'has_any';
                              tags: string[];
                            }
                          | {
                              /** @enum {string} */
                              kind: 'consent';
                              /** @enum {string} */
                              channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
                              /** @enum {string} */
                              state: 'consented' | 'not_consented' | 'opted_out';
                            }
                          | {
                              /** @enum {string} */
                              kind: 'campaign';
                              /** Format: uuid */
                              campaignId: string;
                              /** @enum {string} */
                              action: 'received' | 'opened' | 'clicked' | 'replied';
                              /** @default false */
                              negate: boolean;
                            }
                          | {
                              /** @enum {string} */
                              kind: 'ivr';
                              /** Format: uuid */
                              flowId: string;
                              nodeId: string;
                              option: string;
                              /** @default false */
                              negate: boolean;
                            }
                          | {
                              /** @enum {string} */
                              kind: 'last_contact';
                              /** @enum {string} */
                              operator: 'before' | 'after';
                              date: string;
                            }
                          | {
                              /** @enum {string} */
                              kind: 'group';
                              /** @enum {string} */
                              match: 'all' | 'any';
                              rules: components['schemas']['SegmentCondition'][];
                            }
                        )[];
                      }
                  )[];
                }
            )[];
          }
      )[];
    } | null;
    SegmentCondition:
      | {
          /** @enum {string} */
          kind: 'contact';
          /** @enum {string} */
          field: 'first_name' | 'last_name' | 'display_name' | 'language' | 'timezone' | 'created_at';
          /** @enum {string} */
          operator:
            | 'equals'
            | 'not_equals'
            | 'contains'
            | 'starts_with'
            | 'in_list'
            | 'greater_than'
            | 'less_than'
            | 'between'
            | 'before'
            | 'after'
            | 'is_true'
            | 'is_false'
            | 'is_empty'
            | 'is_not_empty';
          value?: string | number | boolean;
          values?: (string | number)[];
        }
      | {
          /** @enum {string} */
          kind: 'custom';
          key: string;
          /** @enum {string} */
          operator:
            | 'equals'
            | 'not_equals'
            | 'contains'
            | 'starts_with'
            | 'in_list'
            | 'greater_than'
            | 'less_than'
            | 'between'
            | 'before'
            | 'after'
            | 'is_true'
            | 'is_false'
            | 'is_empty'
            | 'is_not_empty';
          value?: string | number | boolean;
          values?: (string | number)[];
        }
      | {
          /** @enum {string} */
          kind: 'tags';
          /** @enum {string} */
          operator: 'has' | 'has_not' | 'has_any';
          tags: string[];
        }
      | {
          /** @enum {string} */
          kind: 'consent';
          /** @enum {string} */
          channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
          /** @enum {string} */
          state: 'consented' | 'not_consented' | 'opted_out';
        }
      | {
          /** @enum {string} */
          kind: 'campaign';
          /** Format: uuid */
          campaignId: string;
          /** @enum {string} */
          action: 'received' | 'opened' | 'clicked' | 'replied';
          /** @default false */
          negate: boolean;
        }
      | {
          /** @enum {string} */
          kind: 'ivr';
          /** Format: uuid */
          flowId: string;
          nodeId: string;
          option: string;
          /** @default false */
          negate: boolean;
        }
      | {
          /** @enum {string} */
          kind: 'last_contact';
          /** @enum {string} */
          operator: 'before' | 'after';
          date: string;
        };
    SegmentRuleOptions: {
      fields: {
        key: string;
        label: string;
        type: string;
        choices: string[] | null;
      }[];
      tags: string[];
      campaigns: {
        id: string;
        name: string;
      }[];
      flows: {
        id: string;
        name: string;
        menus: {
          nodeId: string;
          label: string;
          options: {
            id: string;
            digit: string;
            label: string;
          }[];
        }[];
      }[];
    };
    SegmentCount: {
      count: number;
    };
    SegmentContact: {
      id: string;
      displayName: string;
      firstName: string;
      lastName: string;
      tags: string[];
    };
    SegmentInput: {
      name: string;
      /** @enum {string} */
      kind: 'rules' | 'static';
      rules?: components['schemas']['SegmentRules'];
    };
    SegmentUpdate: {
      name?: string;
      rules?: components['schemas']['SegmentRules'];
    };
    SegmentMemberIds: {
      contactIds: string[];
    };
    Quota: {
      /** @enum {string} */
      channel: 'whatsapp' | 'sms' | 'webchat' | 'email' | 'voice';
      /** @enum {string} */
      period: 'month' | 'year' | 'total';
      amount: number;
      overdraft: number;
      warnPercent: number;
      periodStart: string;
      periodEnd: string | null;
      used: number;
      added: number;
      limit: number;
      remaining: number;
      percent: number;
      warning: boolean;
      exhausted: boolean;
      inFlight: number;
    };
    QuotaBag: {
      /** @enum {string} */
      period: 'month' | 'year' | 'total';
      amount: number;
      /** @default 0 */
      overdraft: number;
      /** @default 80 */
      warnPercent: number;
      /** Format: date-time */
      startsAt?: string;
    };
    QuotaLedgerLine: {
      id: string;
      at: string;
      delta: number;
      reason: string;
      messageId: string | null;
      campaignId: string | null;
      note: string | null;
    };
    QuotaLedgerEntry: {
      /** @enum {string} */
      reason: 'top_up' | 'adjustment';
      delta: number;
      note?: string;
    };
    ContactImportPreview: {
      /** @enum {string} */
      kind: 'csv' | 'xlsx';
      header: string[];
      sampleRows: string[][];
      totalRows: number;
      proposedMapping: {
        [key: string]: string;
      };
      fields: {
        key: string;
        label: string;
        type: string;
      }[];
      defaultCountry: string | null;
    };
    ContactImportPreviewForm: {
      /** Format: binary */
      file: string;
      /**
       * @description Language of the rejection reasons (default: from Accept-Language)
       * @enum {string}
       */
      language?: 'es' | 'en';
    };
    ContactImportStarted: {
      id: string;
    };
    ContactImportForm: {
      /** Format: binary */
      file: string;
      /** @description JSON object column title → target (first_name, phone, field:<key>, ignore…) */
      mapping?: string;
      /** @description Country of phone numbers written without +code (default: the workspace’s) */
      country?: string;
      /**
       * @description Language of the rejection reasons (default: from Accept-Language)
       * @enum {string}
       */
      language?: 'es' | 'en';
    };
    ContactImport: {
      id: string;
      fileName: string;
      /** @enum {string} */
      status: 'running' | 'done' | 'failed';
      mapping: {
        [key: string]: string;
      };
      totalRows: number | null;
      processedRows: number;
      created: number;
      updated: number;
      rejected: number;
      error: string | null;
      createdAt: string;
      finishedAt: string | null;
    };
    ContactImportRejection: {
      line: number;
      field: string;
      code: string;
      reason: string;
    };
    Campaign: {
      id: string;
      name: string;
      kind: string;
      /** @enum {string} */
      status: 'draft' | 'scheduled' | 'running' | 'paused' | 'completed' | 'cancelled' | 'failed';
      channel: string;
      channels: string[];
      fallbackAfterMinutes: number | null;
      segmentId: string | null;
      flowId: string | null;
      parentId: string | null;
      content: components['schemas']['CampaignContent'];
      schedule: components['schemas']['CampaignSchedule'];
      quietHours: components['schemas']['QuietHours'];
      ratePerSecond: number | null;
      marketing: boolean;
      maxConcurrentCalls: number | null;
      callRetries: components['schemas']['CallRetries'];
      variants: components['schemas']['CampaignVariant'][];
      ab: {
        /** @enum {string} */
        metric: 'delivery' | 'open' | 'click' | 'reply';
        testMinutes: number;
        testShare: number;
        winner: string | null;
        /** @enum {string|null} */
        decision: 'rate' | 'tie' | 'no_data' | null;
        results: {
          key: string;
          sent: number;
          hits: number;
          rate: number;
        }[];
      } | null;
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
    };
    CampaignContent: {
      /** Format: uuid */
      templateId?: string;
      text?: string;
      subject?: string;
      /** @enum {string} */
      language?: 'es' | 'en';
      /** @description WhatsApp: the approved template for people outside the 24 h window (parameters in Liquid) */
      whatsappTemplate?: {
        name: string;
        language: string;
        /** @default [] */
        parameters: string[];
      };
    };
    CampaignSchedule:
      | {
          /** @enum {string} */
          mode: 'now';
          /** @enum {string} */
          recurrence?: 'daily' | 'weekly' | 'monthly';
        }
      | {
          /** @enum {string} */
          mode: 'at';
          /** @enum {string} */
          recurrence?: 'daily' | 'weekly' | 'monthly';
          /** Format: date-time */
          at: string;
        }
      | {
          /** @enum {string} */
          mode: 'local';
          /** @enum {string} */
          recurrence?: 'daily' | 'weekly' | 'monthly';
          localTime: string;
          /** Format: date */
          localDate?: string;
        };
    QuietHours: {
      from: string;
      to: string;
    } | null;
    CallRetries: {
      attempts: number;
      delayMinutes: number;
    } | null;
    CampaignVariant: {
      key: string;
      share: number;
      content: components['schemas']['CampaignContent'];
    };
    CampaignInput: {
      name: string;
      /** @enum {string} */
      channel?: 'sms' | 'email' | 'whatsapp' | 'voice';
      /** @description Tried in order: a person not reachable or not reached on one gets the next */
      channels?: ('sms' | 'email' | 'whatsapp')[];
      /** @default null */
      fallbackAfterMinutes: number | null;
      /** @default null */
      maxConcurrentCalls: number | null;
      callRetries?: components['schemas']['CallRetries'];
      /**
       * Format: uuid
       * @default null
       */
      segmentId: string | null;
      /**
       * Format: uuid
       * @default null
       */
      flowId: string | null;
      content?: components['schemas']['CampaignContent'];
      schedule?: components['schemas']['CampaignSchedule'];
      quietHours?: components['schemas']['QuietHours'];
      /** @default null */
      ratePerSecond: number | null;
      /** @default true */
      marketing: boolean;
      variants?: components['schemas']['CampaignVariant'][];
      /** @default null */
      ab: {
        /** @enum {string} */
        metric: 'delivery' | 'open' | 'click' | 'reply';
        testMinutes: number;
        testShare: number;
      } | null;
      /**
       * @default broadcast
       * @enum {string}
       */
      kind: 'broadcast' | 'journey' | 'voice';
    };
    VoiceFlows: {
      flows: {
        id: string;
        name: string;
      }[];
    };
    CampaignPatch: {
      name?: string;
      /** @enum {string} */
      channel?: 'sms' | 'email' | 'whatsapp' | 'voice';
      /** @description Tried in order: a person not reachable or not reached on one gets the next */
      channels?: ('sms' | 'email' | 'whatsapp')[];
      fallbackAfterMinutes?: number | null;
      maxConcurrentCalls?: number | null;
      callRetries?: components['schemas']['CallRetries'];
      /** Format: uuid */
      segmentId?: string | null;
      /** Format: uuid */
      flowId?: string | null;
      content?: components['schemas']['CampaignContent'];
      schedule?: components['schemas']['CampaignSchedule'];
      quietHours?: components['schemas']['QuietHours'];
      ratePerSecond?: number | null;
      marketing?: boolean;
      variants?: components['schemas']['CampaignVariant'][];
      ab?: {
        /** @enum {string} */
        metric: 'delivery' | 'open' | 'click' | 'reply';
        testMinutes: number;
        testShare: number;
      } | null;
      /** @enum {string} */
      kind?: 'broadcast' | 'journey' | 'voice';
    };
    CampaignStats: {
      /** @enum {string} */
      status: 'draft' | 'scheduled' | 'running' | 'paused' | 'completed' | 'cancelled' | 'failed';
      targeted: number;
      skipped: number;
      skippedByReason: {
        [key: string]: number;
      };
      held: number;
      queued: number;
      sent: number;
      delivered: number;
      pending: number;
      undelivered: number;
      undeliveredByCode: {
        [key: string]: number;
      };
      failed: number;
      opened: number;
      clicked: number;
      bounced: number;
      unsubscribed: number;
      replied: number;
      answered: number;
      busy: number;
      noAnswer: number;
      calling: number;
      /** @description People whose message arrived on some channel, each once */
      reached: number;
      channels: {
        channel: string;
        sent: number;
        delivered: number;
        pending: number;
        notDelivered: number;
      }[];
      /** @description The bags of the campaign's channels: the warning at their threshold (80 %) */
      quotas: {
        channel: string;
        percent: number;
        remaining: number;
        limit: number;
        warning: boolean;
        exhausted: boolean;
      }[];
      variants: {
        variant: string;
        targeted: number;
        skipped: number;
        skippedByReason: {
          [key: string]: number;
        };
        held: number;
        queued: number;
        sent: number;
        delivered: number;
        pending: number;
        undelivered: number;
        undeliveredByCode: {
          [key: string]: number;
        };
        failed: number;
        opened: number;
        clicked: number;
        bounced: number;
        unsubscribed: number;
        replied: number;
        answered: number;
        busy: number;
        noAnswer: number;
        calling: number;
      }[];
      series: {
        minute: string;
        sent: number;
        delivered: number;
      }[];
      journeys?: {
        started: number;
        running: number;
        completed: number;
        failed: number;
      };
      forecast: {
        remaining: number;
        rate: number | null;
        /** @enum {string} */
        basis: 'measured' | 'limit' | 'none';
        finishAt: string | null;
        /**
         * @description Which limit sets `rate`: the campaign’s own, its sending account’s (the channel settings), or the installation’s
         * @enum {string|null}
         */
        limitedBy?: 'campaign' | 'account' | 'installation' | null;
      };
    };
    AuditEvent: {
      id: string;
      occurredAt: string;
      actor: {
        /** @enum {string} */
        kind: 'user' | 'api-key' | 'oauth-client' | 'system';
        id: string | null;
        name: string | null;
        email: string | null;
        userId: string | null;
      };
      action: string;
      resource: {
        type: string;
        id: string | null;
        label: string | null;
      };
      method: string | null;
      path: string | null;
      status: number | null;
      ip: string | null;
      userAgent: string | null;
      requestId: string | null;
      before?: unknown;
      after?: unknown;
      details?: unknown;
    };
    Recording: {
      id: string;
      callRecordId: string | null;
      runId: string | null;
      flowId: string | null;
      nodeId: string | null;
      from: string;
      to: string;
      contentType: string;
      bytes: number;
      durationMs: number;
      createdAt: string;
      /** @description Play it (Range requests work); add ?download=1 to save it */
      audioUrl: string;
    };
    RecordingsUsage: {
      store: string;
      bytes: number;
      quotaBytes: number;
      percent: number;
      /** @description At or past 80 % of the quota */
      warning: boolean;
      /** @description New recordings are refused */
      full: boolean;
      count: number;
    };
    VoicePrompt: {
      id: string;
      name: string;
      reference: string;
      durationMs: number;
      bytes: number;
      contentType: string;
      audioUrl: string;
      createdAt: string;
    };
    CallRecord: {
      id: string;
      callId: string;
      driver: string;
      runId: string | null;
      flowId: string | null;
      from: string;
      to: string;
      startedAt: string;
      answeredAt: string | null;
      endedAt: string | null;
      durationMs: number | null;
      path: string[];
      digits: {
        nodeId: string;
        digits: string;
        /** @description When the digits came, where the driver records it */
        at?: string;
      }[];
      /** @enum {string|null} */
      hangupSide: 'caller' | 'flow' | 'transfer' | 'error' | null;
    };
    CallVolume: {
      /** @enum {string} */
      bucket: 'day' | 'hour';
      timeZone: string;
      items: {
        /** @description Local start of the day or hour: 2031-05-05 or 2031-05-05T09:00 */
        period: string;
        total: number;
        /** @description Answered and not ended by the caller */
        answered: number;
        /** @description The caller hung up (before or after the answer) */
        abandoned: number;
      }[];
    };
    ReportInfo: {
      name: string;
      /** @description In the caller’s language (Accept-Language) */
      title: string;
      description: string;
      /** @description Filters beyond the period that apply to it */
      filters: ('channel' | 'flow' | 'campaign' | 'queue' | 'agent')[];
    };
    ReportDocument: {
      report: string;
      title: string;
      /** @enum {string} */
      language: 'en' | 'es';
      generatedAt: string;
      timezone: string;
      filters: {
        label: string;
        value: string;
      }[];
      charts: {
        title: string;
        /** @enum {string} */
        kind: 'line' | 'bar' | 'stacked-bar' | 'pie';
        categories: string[];
        series: {
          name: string;
          data: number[];
        }[];
        /** @enum {string} */
        valueType: 'integer' | 'number' | 'percent' | 'duration';
      }[];
      tables: {
        name: string;
        columns: {
          key: string;
          label: string;
          /** @enum {string} */
          type: 'text' | 'integer' | 'number' | 'percent' | 'duration' | 'datetime' | 'date';
        }[];
        rows: {
          [key: string]: string | number | null;
        }[];
        totals?: {
          [key: string]: string | number | null;
        };
      }[];
    };
    Contact: {
      id: string;
      displayName: string;
      firstName: string;
      lastName: string;
      language: string | null;
      timezone: string | null;
      tags: string[];
      attributes: {
        [key: string]: unknown;
      };
      addresses: components['schemas']['ContactAddress'][];
      erasedAt: string | null;
      createdAt: string;
      updatedAt: string;
    };
    ContactAddress: {
      id: string;
      /** @enum {string} */
      channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
      address: string;
      consent: {
        at: string;
        source: string;
      } | null;
      optedOut: {
        at: string;
        source: string | null;
        keyword: string | null;
      } | null;
      lastInboundAt: string | null;
    };
    ContactInput: {
      displayName?: string;
      firstName?: string;
      lastName?: string;
      language?: string | null;
      timezone?: string | null;
      tags?: string[];
      attributes?: {
        [key: string]: unknown;
      };
      addresses?: components['schemas']['ContactAddressInput'][];
    };
    ContactAddressInput: {
      /** @enum {string} */
      channel: 'whatsapp' | 'sms' | 'webchat' | 'email';
      address: string;
      consent?: {
        /** @enum {string} */
        source: 'imported' | 'web_form' | 'keyword' | 'api' | 'inbound' | 'manual';
        /** Format: date-time */
        at?: string;
      };
    };
    ContactPatch: {
      displayName?: string;
      firstName?: string;
      lastName?: string;
      language?: string | null;
      timezone?: string | null;
      tags?: string[];
      attributes?: {
        [key: string]: unknown;
      };
    };
    ContactAddressPatch: {
      consent?: {
        /** @enum {string} */
        source: 'imported' | 'web_form' | 'keyword' | 'api' | 'inbound' | 'manual';
        /** Format: date-time */
        at?: string;
      } | null;
      optedOut?: boolean;
    };
    ContactMerge: {
      /** Format: uuid */
      from: string;
    };
    TimelineItem: {
      /** @enum {string} */
      kind: 'message' | 'email_event' | 'call' | 'run' | 'campaign';
      id: string;
      at: string;
      channel: string | null;
      direction: string | null;
      status: string;
      detail: {
        [key: string]: unknown;
      };
    };
    ContactErasure: {
      messages: number;
      recordings: number;
      erasedAt: string;
    };
    Backup: {
      file: string;
      bytes: number;
      sha256: string | null;
      createdAt: string;
      /** @enum {string|null} */
      databaseKind: 'postgres' | 'pglite' | null;
      schemaTag: string | null;
      storedFiles: number;
      missing: number;
    };
    DataJob: {
      id: string;
      /** @enum {string} */
      kind: 'backup' | 'export';
      /** @enum {string} */
      trigger: 'schedule' | 'api' | 'cli';
      /** @enum {string} */
      status: 'running' | 'done' | 'failed';
      file: string | null;
      bytes: number | null;
      sha256: string | null;
      done: number;
      total: number | null;
      error: string | null;
      startedAt: string;
      finishedAt: string | null;
    } | null;
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
