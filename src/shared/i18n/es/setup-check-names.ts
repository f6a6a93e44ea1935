import type en from '../en/setup-check-names'

/** La lista de comprobaciones: el título de cada una y el botón de cada arreglo. */
export default {
  titles: {
    app: 'Identificador y clave secreta de la app',
    token: 'Token de acceso de la página',
    tokenPage: 'Token de esta página',
    tokenExpiry: 'Duración del token',
    permissions: 'Permisos',
    appMode: 'Modo de la app (desarrollo o en vivo)',
    pageSubscription: 'La página envía las llamadas a la app',
    ringTarget: 'Las llamadas suenan en esta app',
    audio: 'Llamadas de voz activadas',
    tunnel: 'Accesible desde internet',
    webhook: 'Webhook registrado en Meta',
    handshake: 'La comprobación de Meta llegó a este equipo'
  },
  fixes: {
    subscribePage: 'Suscribir la página',
    ringHere: 'Hacer sonar las llamadas aquí',
    enableAudio: 'Activar las llamadas de voz',
    registerNow: 'Registrar ahora',
    registerAgain: 'Volver a registrar',
    tryAgain: 'Reintentar'
  }
} satisfies typeof en
