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
  }
} satisfies typeof en
