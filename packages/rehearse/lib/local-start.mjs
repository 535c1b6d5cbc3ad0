// The local provider of a rehearsal (FranceConnect or ProConnect), started on --fc-port with
// the team's service registered as the partner space would register it; its failures to
// start become the one sentence of an exit 2.
import { ClientConfigurationError } from '../local-franceconnect/clients.mjs';
import { RehearsalError } from './errors.mjs';

/**
 * `start` is startLocalFranceConnect or startLocalProConnect, `brand` its name in the
 * messages, `extra` its own options (FranceConnect's `plus`).
 */
export async function startRegistered(start, brand, options, credentials, extra = {}) {
  try {
    return await start({
      port: options.fcPort,
      host: '127.0.0.1',
      ...extra,
      rehearsal: true,
      clients: [
        {
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
          signing_alg: options.alg,
          name: new URL(options.service).host,
          redirect_uris: [options.redirectUri],
          post_logout_redirect_uris: [options.postLogoutRedirectUri],
        },
      ],
    });
  } catch (error) {
    if (error.code === 'EADDRINUSE') throw new RehearsalError(`Le port ${options.fcPort} est déjà pris : choisissez-en un autre pour le ${brand} local avec --fc-port.`);
    if (error instanceof ClientConfigurationError) throw new RehearsalError(`Enregistrement refusé par le ${brand} local : ${error.message}.`);
    throw error;
  }
}
