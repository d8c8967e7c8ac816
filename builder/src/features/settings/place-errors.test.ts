import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { placeErrors } from './place-errors.ts';

const keys = ['config.host', 'secrets.password'];

describe('placeErrors', () => {
  it('puts a 400’s issues beside the fields they name and the rest on top', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'all of it', {
      issues: [
        { path: 'config.host', message: 'Set host (the SMSC)' },
        { path: 'config', message: 'Unrecognized key: "hots"' },
      ],
    });
    expect(placeErrors(error, keys)).toEqual({
      top: 'config: Unrecognized key: "hots"',
      fields: { 'config.host': 'Set host (the SMSC)' },
    });
  });

  it('marks each missing secret of a 422 SECRETS_MISSING', () => {
    const error = new ApiError(422, 'SECRETS_MISSING', 'smpp needs secrets.password', {
      missing: ['password'],
    });
    expect(placeErrors(error, keys)).toEqual({
      top: null,
      fields: { 'secrets.password': 'smpp needs secrets.password' },
    });
  });

  it('puts what a 422 CHANNEL_SETTINGS_INVALID refused beside its field', () => {
    const error = new ApiError(422, 'CHANNEL_SETTINGS_INVALID', 'The smtp driver does not accept …', {
      fields: [{ field: 'config.messagesPerHour', message: 'messagesPerHour must be at least 1' }],
    });
    expect(placeErrors(error, [...keys, 'config.messagesPerHour'])).toEqual({
      top: null,
      fields: { 'config.messagesPerHour': 'messagesPerHour must be at least 1' },
    });
  });

  it('shows any other refusal or failure on top', () => {
    const wrong = new ApiError(422, 'PROVIDER_NOT_FOR_CHANNEL', 'twilio does not serve the whatsapp channel');
    expect(placeErrors(wrong, keys)).toEqual({
      top: 'twilio does not serve the whatsapp channel',
      fields: {},
    });
    expect(placeErrors(new TypeError('Failed to fetch'), keys)).toEqual({
      top: 'Failed to fetch',
      fields: {},
    });
  });
});
