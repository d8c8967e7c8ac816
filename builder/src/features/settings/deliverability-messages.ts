// Strings of Settings → Email deliverability; merged into the app catalog (src/i18n/catalog.ts).
// `deliverability.finding.<CODE>` words each code the API's check answers, with its params.
export const deliverabilityMessages = {
  en: {
    'deliverability.title': 'Email deliverability',
    'deliverability.intro':
      'Mail providers look up your domain’s DNS to decide whether mail from it is really yours. This checks the four records they read and, for each one missing or wrong, gives the exact record to publish at your DNS provider.',
    'deliverability.forbidden': 'Only designers and admins can check a sending domain.',
    'deliverability.loadFailed': 'Could not check the domain: {message}',
    'deliverability.domain': 'Sending domain',
    'deliverability.domainHint': 'The part after @ in the address your mail comes from, like example.com.',
    'deliverability.check': 'Check',
    'deliverability.checking': 'Checking…',
    'deliverability.summary': '{domain}: {ok} of {total} records correct',
    'deliverability.checkedAt': 'Checked {time}.',
    'deliverability.server.settings': 'Judged against your SMTP server {host} (email channel settings).',
    'deliverability.server.environment': 'Judged against your SMTP server {host} (server environment).',
    'deliverability.server.none':
      'No SMTP server is connected for email yet, so SPF cannot be judged. Connect one in Channels above.',
    'deliverability.propagation':
      'After you change DNS, allow some time (minutes to a few hours) before checking again: DNS answers are kept for a while.',
    'deliverability.kind.spf': 'SPF — which servers may send as you',
    'deliverability.kind.dkim': 'DKIM — the signature on every mail',
    'deliverability.kind.dmarc': 'DMARC — what receivers do with mail that fails',
    'deliverability.kind.mx': 'MX — where replies and bounces arrive',
    'deliverability.status.ok': 'Correct',
    'deliverability.status.warning': 'Worth fixing',
    'deliverability.status.error': 'Needs fixing',
    'deliverability.status.unknown': 'Could not check',
    'deliverability.published': 'Published now',
    'deliverability.nothingPublished': 'Nothing published.',
    'deliverability.recordToAdd': 'Add this record',
    'deliverability.recordToReplace': 'Put this record in place of the published one',
    'deliverability.recordName': 'Name (host)',
    'deliverability.recordType': 'Type',
    'deliverability.recordValue': 'Value',
    'deliverability.copyName': 'the record name',
    'deliverability.copyValue': 'the record value',
    'deliverability.finding.DNS_FAILED':
      'The DNS server did not answer for {name} ({reason}). Nothing can be said about this record yet: try again in a moment.',
    'deliverability.finding.SPF_OK': 'SPF lets your SMTP server {server} send mail for {domain}.',
    'deliverability.finding.SPF_MISSING':
      '{domain} publishes no SPF record, so receivers cannot tell which servers may send its mail and treat it with suspicion.',
    'deliverability.finding.SPF_MULTIPLE':
      '{domain} publishes {count} SPF records. Only one is allowed: with more, receivers ignore them all. Replace them with the single record below.',
    'deliverability.finding.SPF_INVALID':
      'The SPF record of {domain} has a mistake, so receivers ignore it ({detail}).',
    'deliverability.finding.SPF_TOO_MANY_LOOKUPS':
      'The SPF record of {domain} needs more than 10 DNS lookups, the most receivers follow, so they treat it as broken. Remove services that no longer send for you, or list their addresses (ip4:) instead of include:.',
    'deliverability.finding.SPF_ALLOWS_EVERYONE':
      'The SPF record of {domain} ends in “+all”: it lets any server in the world send as you. Replace it with the record below.',
    'deliverability.finding.SPF_SERVER_NOT_ALLOWED':
      'SPF does not list your SMTP server {server} as allowed to send for {domain}: receivers may reject its mail or put it in spam.',
    'deliverability.finding.SPF_SERVER_UNKNOWN':
      '{domain} publishes an SPF record, but no SMTP server is connected for email, so whether it lets your server send cannot be checked.',
    'deliverability.finding.SPF_SERVER_PRIVATE':
      'Your SMTP server {server} is on a private network ({address}): it hands mail to another server that sends it on, and SPF must allow that one. Ask whoever runs it which address or include to publish.',
    'deliverability.finding.SPF_SERVER_UNRESOLVED':
      'Your SMTP server {server} has no address in DNS, so whether SPF allows it cannot be checked. Check the server name in the email channel settings.',
    'deliverability.finding.DKIM_OK':
      'The DKIM key published at {name} is the one Omniflow signs mail for {domain} with.',
    'deliverability.finding.DKIM_NO_KEY':
      'Omniflow has no DKIM key for {domain}, so its mail goes unsigned and large providers may refuse it. Create one in the email channel settings, then check again for the record to publish.',
    'deliverability.finding.DKIM_HELD_KEY_UNREADABLE':
      'The DKIM key Omniflow holds for {domain} cannot be read ({detail}). Create a new one in the email channel settings.',
    'deliverability.finding.DKIM_MISSING':
      'Nothing is published at {name}, so receivers cannot check the signature on your mail. Add the record below.',
    'deliverability.finding.DKIM_MULTIPLE':
      '{count} records are published at {name}; there must be one only. Keep the record below and delete the others.',
    'deliverability.finding.DKIM_INVALID':
      'The record at {name} is not a valid DKIM key: the mistake is at “{detail}”. Replace it with the record below.',
    'deliverability.finding.DKIM_REVOKED':
      'The record at {name} has an empty key, which means the key was withdrawn: signatures fail. Replace it with the record below.',
    'deliverability.finding.DKIM_KEY_MISMATCH':
      'The key published at {name} is not the one Omniflow signs with, so signatures on your mail fail. Replace it with the record below.',
    'deliverability.finding.DKIM_TESTING':
      'The record says DKIM is being tested (t=y), so receivers may treat signed mail as unsigned. Remove t=y when you are done testing.',
    'deliverability.finding.DMARC_POLICY_REJECT':
      'DMARC tells receivers to refuse mail that claims to be from {domain} but fails SPF and DKIM: the strongest protection.',
    'deliverability.finding.DMARC_POLICY_QUARANTINE':
      'DMARC tells receivers to put mail that claims to be from {domain} but fails SPF and DKIM in spam.',
    'deliverability.finding.DMARC_POLICY_NONE':
      'DMARC is published in watch-only mode (p=none): receivers report failures but still deliver them. Once every service that sends for {domain} passes, change it to p=quarantine.',
    'deliverability.finding.DMARC_INHERITED':
      '{domain} has no DMARC record of its own: the one of {organizationalDomain} applies to it.',
    'deliverability.finding.DMARC_PARTIAL':
      'The policy applies to only {percent}% of failing mail (pct={percent}); the rest is delivered as usual.',
    'deliverability.finding.DMARC_MISSING':
      '{domain} publishes no DMARC record. Large providers ask for one from anyone sending in bulk. Start with the record below, which only watches.',
    'deliverability.finding.DMARC_MULTIPLE':
      '{count} DMARC records are published at {name}. With more than one, receivers apply none. Keep only the record below.',
    'deliverability.finding.DMARC_INVALID':
      'The DMARC record at {name} has a mistake at “{detail}”. Replace it with the record below.',
    'deliverability.finding.MX_OK': 'Replies and bounces to {domain} go to {hosts}.',
    'deliverability.finding.MX_MISSING':
      '{domain} has no MX record: replies and bounces to its addresses have nowhere to go, and some receivers distrust a domain that cannot receive mail.',
    'deliverability.finding.MX_NULL':
      '{domain} says it receives no mail at all (a “null MX”): replies and bounces to it are refused.',
    'deliverability.finding.MX_HOST_IS_ADDRESS':
      'The MX of {domain} is an address ({host}), but it must be a server name. Mail to {domain} may not arrive.',
    'deliverability.finding.MX_HOST_UNRESOLVED':
      'The MX of {domain} names {host}, which has no address in DNS: mail to {domain} cannot arrive.',
  },
  es: {
    'deliverability.title': 'Entregabilidad del correo',
    'deliverability.intro':
      'Los proveedores de correo consultan el DNS de tu dominio para decidir si el correo que dice venir de él es realmente tuyo. Aquí se comprueban los cuatro registros que leen y, para cada uno que falte o esté mal, tienes el registro exacto que debes publicar en tu proveedor de DNS.',
    'deliverability.forbidden':
      'Solo los diseñadores y los administradores pueden comprobar un dominio de envío.',
    'deliverability.loadFailed': 'No se pudo comprobar el dominio: {message}',
    'deliverability.domain': 'Dominio de envío',
    'deliverability.domainHint': 'Lo que va tras la @ en la dirección desde la que envías, como ejemplo.es.',
    'deliverability.check': 'Comprobar',
    'deliverability.checking': 'Comprobando…',
    'deliverability.summary': '{domain}: {ok} de {total} registros correctos',
    'deliverability.checkedAt': 'Comprobado {time}.',
    'deliverability.server.settings': 'Juzgado con tu servidor SMTP {host} (ajustes del canal de correo).',
    'deliverability.server.environment': 'Juzgado con tu servidor SMTP {host} (entorno del servidor).',
    'deliverability.server.none':
      'Aún no hay un servidor SMTP conectado para el correo, así que no se puede juzgar el SPF. Conecta uno en Canales, más arriba.',
    'deliverability.propagation':
      'Después de cambiar el DNS, deja pasar un tiempo (de minutos a unas horas) antes de volver a comprobar: las respuestas del DNS se guardan durante un rato.',
    'deliverability.kind.spf': 'SPF — qué servidores pueden enviar en tu nombre',
    'deliverability.kind.dkim': 'DKIM — la firma de cada correo',
    'deliverability.kind.dmarc': 'DMARC — qué hacen los destinatarios con el correo que no pasa',
    'deliverability.kind.mx': 'MX — adónde llegan las respuestas y los rebotes',
    'deliverability.status.ok': 'Correcto',
    'deliverability.status.warning': 'Conviene corregirlo',
    'deliverability.status.error': 'Hay que corregirlo',
    'deliverability.status.unknown': 'No se pudo comprobar',
    'deliverability.published': 'Publicado ahora',
    'deliverability.nothingPublished': 'No hay nada publicado.',
    'deliverability.recordToAdd': 'Añade este registro',
    'deliverability.recordToReplace': 'Pon este registro en lugar del publicado',
    'deliverability.recordName': 'Nombre (host)',
    'deliverability.recordType': 'Tipo',
    'deliverability.recordValue': 'Valor',
    'deliverability.copyName': 'el nombre del registro',
    'deliverability.copyValue': 'el valor del registro',
    'deliverability.finding.DNS_FAILED':
      'El servidor DNS no respondió para {name} ({reason}). Aún no se puede decir nada de este registro: vuelve a intentarlo en un momento.',
    'deliverability.finding.SPF_OK': 'El SPF permite que tu servidor SMTP {server} envíe correo de {domain}.',
    'deliverability.finding.SPF_MISSING':
      '{domain} no publica ningún registro SPF: los destinatarios no saben qué servidores pueden enviar su correo y desconfían de él.',
    'deliverability.finding.SPF_MULTIPLE':
      '{domain} publica {count} registros SPF. Solo se permite uno: si hay más, los destinatarios los ignoran todos. Sustitúyelos por el único registro de abajo.',
    'deliverability.finding.SPF_INVALID':
      'El registro SPF de {domain} tiene un error, así que los destinatarios lo ignoran ({detail}).',
    'deliverability.finding.SPF_TOO_MANY_LOOKUPS':
      'El registro SPF de {domain} necesita más de 10 consultas DNS, el máximo que siguen los destinatarios, así que lo dan por roto. Quita los servicios que ya no envían por ti o pon sus direcciones (ip4:) en lugar de include:.',
    'deliverability.finding.SPF_ALLOWS_EVERYONE':
      'El registro SPF de {domain} termina en «+all»: permite que cualquier servidor del mundo envíe en tu nombre. Sustitúyelo por el registro de abajo.',
    'deliverability.finding.SPF_SERVER_NOT_ALLOWED':
      'El SPF no incluye tu servidor SMTP {server} entre los que pueden enviar de {domain}: los destinatarios pueden rechazar su correo o mandarlo a spam.',
    'deliverability.finding.SPF_SERVER_UNKNOWN':
      '{domain} publica un registro SPF, pero no hay un servidor SMTP conectado para el correo, así que no se puede comprobar si permite enviar a tu servidor.',
    'deliverability.finding.SPF_SERVER_PRIVATE':
      'Tu servidor SMTP {server} está en una red privada ({address}): pasa el correo a otro servidor que lo envía, y es ese el que el SPF debe permitir. Pregunta a quien lo gestiona qué dirección o include publicar.',
    'deliverability.finding.SPF_SERVER_UNRESOLVED':
      'Tu servidor SMTP {server} no tiene dirección en el DNS, así que no se puede comprobar si el SPF lo permite. Revisa el nombre del servidor en los ajustes del canal de correo.',
    'deliverability.finding.DKIM_OK':
      'La clave DKIM publicada en {name} es la que usa Omniflow para firmar el correo de {domain}.',
    'deliverability.finding.DKIM_NO_KEY':
      'Omniflow no tiene clave DKIM para {domain}: su correo sale sin firmar y los grandes proveedores pueden rechazarlo. Crea una en los ajustes del canal de correo y vuelve a comprobar para ver el registro que publicar.',
    'deliverability.finding.DKIM_HELD_KEY_UNREADABLE':
      'La clave DKIM que Omniflow guarda para {domain} no se puede leer ({detail}). Crea una nueva en los ajustes del canal de correo.',
    'deliverability.finding.DKIM_MISSING':
      'No hay nada publicado en {name}, así que los destinatarios no pueden comprobar la firma de tu correo. Añade el registro de abajo.',
    'deliverability.finding.DKIM_MULTIPLE':
      'Hay {count} registros publicados en {name}; debe haber solo uno. Deja el registro de abajo y borra los demás.',
    'deliverability.finding.DKIM_INVALID':
      'El registro de {name} no es una clave DKIM válida: el error está en «{detail}». Sustitúyelo por el registro de abajo.',
    'deliverability.finding.DKIM_REVOKED':
      'El registro de {name} tiene la clave vacía, lo que significa que se retiró: las firmas fallan. Sustitúyelo por el registro de abajo.',
    'deliverability.finding.DKIM_KEY_MISMATCH':
      'La clave publicada en {name} no es con la que firma Omniflow, así que las firmas de tu correo fallan. Sustitúyela por el registro de abajo.',
    'deliverability.finding.DKIM_TESTING':
      'El registro dice que DKIM está en pruebas (t=y), así que los destinatarios pueden tratar el correo firmado como si no lo estuviera. Quita t=y cuando termines las pruebas.',
    'deliverability.finding.DMARC_POLICY_REJECT':
      'DMARC pide a los destinatarios que rechacen el correo que dice venir de {domain} pero no pasa SPF ni DKIM: la protección más fuerte.',
    'deliverability.finding.DMARC_POLICY_QUARANTINE':
      'DMARC pide a los destinatarios que manden a spam el correo que dice venir de {domain} pero no pasa SPF ni DKIM.',
    'deliverability.finding.DMARC_POLICY_NONE':
      'DMARC está publicado en modo solo observación (p=none): los destinatarios informan de los fallos pero los entregan igual. Cuando todos los servicios que envían por {domain} pasen, cámbialo a p=quarantine.',
    'deliverability.finding.DMARC_INHERITED':
      '{domain} no tiene registro DMARC propio: se le aplica el de {organizationalDomain}.',
    'deliverability.finding.DMARC_PARTIAL':
      'La política se aplica solo al {percent} % del correo que falla (pct={percent}); el resto se entrega como siempre.',
    'deliverability.finding.DMARC_MISSING':
      '{domain} no publica ningún registro DMARC. Los grandes proveedores lo piden a quien envía en volumen. Empieza con el registro de abajo, que solo observa.',
    'deliverability.finding.DMARC_MULTIPLE':
      'Hay {count} registros DMARC publicados en {name}. Si hay más de uno, los destinatarios no aplican ninguno. Deja solo el registro de abajo.',
    'deliverability.finding.DMARC_INVALID':
      'El registro DMARC de {name} tiene un error en «{detail}». Sustitúyelo por el registro de abajo.',
    'deliverability.finding.MX_OK': 'Las respuestas y los rebotes a {domain} llegan a {hosts}.',
    'deliverability.finding.MX_MISSING':
      '{domain} no tiene registro MX: las respuestas y los rebotes a sus direcciones no tienen adónde ir, y algunos destinatarios desconfían de un dominio que no puede recibir correo.',
    'deliverability.finding.MX_NULL':
      '{domain} declara que no recibe ningún correo (un «MX nulo»): las respuestas y los rebotes se rechazan.',
    'deliverability.finding.MX_HOST_IS_ADDRESS':
      'El MX de {domain} es una dirección ({host}), pero debe ser el nombre de un servidor. El correo a {domain} puede no llegar.',
    'deliverability.finding.MX_HOST_UNRESOLVED':
      'El MX de {domain} apunta a {host}, que no tiene dirección en el DNS: el correo a {domain} no puede llegar.',
  },
} as const;
