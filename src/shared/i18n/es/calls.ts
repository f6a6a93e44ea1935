import type en from '../en/calls'

/** Las llamadas: el aviso, la llamada en curso y su teclado. */
export default {
  unknownCaller: 'Cliente de Messenger',
  outcome: {
    completed: 'Contestada',
    missed: 'Perdida',
    noAnswer: 'Sin respuesta',
    declined: 'Rechazada',
    failed: 'Fallida'
  },
  recent: {
    title: 'Llamadas recientes',
    empty: 'Todavía no hay llamadas.',
    emptyHint: 'Haga una llamada de prueba para ver cómo aparece aquí.',
    callBack: 'Devolver la llamada',
    callBackName: 'Devolver la llamada a {name}'
  },
  direction: {
    inbound: 'Entrante',
    outbound: 'Saliente'
  },
  history: {
    duration: 'Duración {time}'
  },
  quiet: {
    region: 'Llamadas que no suenan aquí',
    title: 'Sonando, no en este puesto',
    answerName: 'Contestar a {name}'
  },
  toast: {
    incomingFrom: 'Llamada entrante de {name}',
    messengerCall: 'Llamada de Messenger',
    answerWithin: 'Conteste en {seconds} s',
    answeredBy: 'Contestada en {desk}',
    answeredElsewhere: 'Contestada en otro puesto',
    decline: 'Rechazar',
    answer: 'Contestar',
    answering: 'Contestando…'
  },
  inCall: {
    region: 'Llamada en curso',
    reconnecting: 'Reconectando…',
    calling: 'Llamando…',
    ringing: 'Sonando…',
    connected: 'Conectada',
    connecting: 'Conectando…',
    duration: 'Duración de la llamada',
    mute: 'Silenciar',
    keypad: 'Teclado',
    hangUp: 'Colgar',
    microphone: 'Micrófono',
    caller: 'Cliente',
    speaker: 'Altavoz',
    systemDefault: 'El del sistema',
    tryAgain: 'Reintentar',
    quality: 'Calidad de la llamada',
    measuring: 'Midiendo la calidad de la llamada…',
    roundTrip: 'Ida y vuelta {ms} ms',
    jitter: 'variación {ms} ms',
    loss: 'pérdida {percent} %'
  },
  keypad: {
    region: 'Teclado',
    sent: 'Dígitos enviados',
    star: 'Asterisco',
    hash: 'Almohadilla',
    waitForConnected: 'El teclado funciona cuando la llamada está conectada.',
    noAudio: 'Esta llamada no tiene audio por el que enviar dígitos.'
  },
  /** Lo que dicen el audio y el micrófono de la llamada cuando fallan. */
  media: {
    microphone: {
      blocked: {
        mac: 'El micrófono está bloqueado. Abra Ajustes del Sistema, Privacidad y seguridad, Micrófono, active Messenger Softphone y vuelva a contestar.',
        windows:
          'El micrófono está bloqueado. Abra Configuración, Privacidad y seguridad, Micrófono, active "Permitir que las aplicaciones de escritorio accedan al micrófono" y vuelva a contestar.',
        linux:
          'El micrófono está bloqueado. Revise que la configuración de sonido (y los permisos de sandbox de esta app) permitan usar el micrófono y vuelva a contestar.',
        browser:
          'El micrófono está bloqueado para esta página. Pulse el icono a la izquierda de la dirección, permita el micrófono y vuelva a contestar.'
      },
      missing:
        'No se encontró ningún micrófono. Conecte uno o elija otro en Ajustes y vuelva a contestar.',
      busy: 'Otra app está usando el micrófono o no pudo iniciarse. Cierre esa app y vuelva a contestar.',
      other: 'No se pudo abrir el micrófono. Vuelva a intentarlo.',
      silent:
        'El micrófono no se inició, así que el cliente no oye nada: elija un micrófono abajo para volver a intentarlo.'
    },
    lost: 'Se perdió la conexión con el cliente y no se pudo recuperar. Revise la conexión a internet.',
    noAudio:
      'No se pudo conectar el audio: revise la conexión a internet, o si un firewall o una VPN bloquea las llamadas.',
    answerNotUsable:
      'No se pudo usar la respuesta de Facebook a esta llamada, así que la llamada terminó.',
    setupFailed: 'No se pudo preparar el audio de esta llamada.',
    offerNotReady: 'La oferta de la llamada no estaba lista.',
    noConnection: 'La llamada no tiene conexión de audio.',
    switchFailed: 'La llamada no pudo cambiar a la nueva ruta de audio.',
    keypadUnavailable:
      'El teclado todavía no puede enviar dígitos en esta llamada; espere a que esté conectada.',
    soundFailed:
      'No se pudo reproducir el sonido. Revise que el dispositivo esté encendido y libre.',
    unnamedMicrophone: 'Micrófono {number}',
    unnamedSpeaker: 'Altavoz {number}'
  }
} satisfies typeof en
