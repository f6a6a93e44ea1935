import type en from '../en/setup'
import checkNames from './setup-check-names'

/** Configurar la página y unirse a un puesto central: asistente, credenciales, comprobaciones y avisos. */
export default {
  back: 'Atrás',
  checking: 'Comprobando…',
  checkAgain: 'Volver a comprobar',
  choice: {
    region: 'Configurar este puesto',
    title: 'Configurar este puesto',
    intro: 'Un puesto tiene la página de Facebook; todos los demás se unen a él.',
    group: 'Cómo recibe llamadas este puesto',
    connectTitle: 'Conectar una página (este puesto será el central)',
    connectLine:
      'Indique aquí su página de Facebook y su app. Las llamadas llegan a este puesto y otros puestos pueden unirse a él.',
    joinLine:
      'Pegue la invitación del puesto que tiene la página. Este puesto sonará y contestará sus llamadas.'
  },
  page: {
    region: 'Configurar la página',
    title: 'Conectar su página de Facebook',
    intro:
      'Pegue cuatro datos de Meta. La app comprueba cada paso con Meta y explica cómo arreglar lo que falte. El token y la clave secreta se quedan en este equipo.',
    joinInstead: 'En su lugar, unirse a un puesto que ya está conectado',
    ready: 'Todo está listo',
    needsYou: 'Algunos pasos necesitan su atención'
  },
  credentials: {
    region: 'Página y app',
    pageId: 'Identificador de la página',
    pageIdHint: 'En su página: Información y luego Transparencia de la página; o en {link}.',
    businessSettings: 'Configuración del negocio',
    appId: 'Identificador de la app',
    appIdHint: 'Arriba del panel de su app en {link}.',
    metaForDevelopers: 'Meta for Developers',
    token: 'Token de acceso de la página',
    tokenHint:
      'En el {explorer}: elija su app y luego su página en “Usuario o página”, con pages_messaging y pages_manage_metadata. El {debugger} puede ampliar su duración.',
    graphExplorer: 'Explorador de la API Graph',
    tokenDebugger: 'Depurador de tokens de acceso',
    secret: 'Clave secreta de la app',
    secretHint: 'En {link} de su app: pulse Mostrar junto a la clave secreta.',
    appSettings: 'Configuración de la app, Básica',
    keep: 'Guardado. Déjelo vacío para conservarlo.',
    submit: 'Guardar y comprobar'
  },
  secret: {
    show: 'Mostrar',
    hide: 'Ocultar',
    showField: 'Mostrar {field}',
    hideField: 'Ocultar {field}'
  },
  checkNames,
  checks: {
    region: 'Comprobaciones de la configuración',
    passed: 'Correcto',
    failed: 'Falló',
    warning: 'Advertencia',
    unknown: 'No se sabe',
    skipped: 'Omitido',
    working: 'Trabajando…'
  },
  firstCall: {
    region: 'Llamada de prueba desde su teléfono',
    title: 'Haga una llamada de prueba desde su teléfono',
    waiting:
      'Abra Messenger en su teléfono, busque su página y pulse el botón de llamada. Mientras la app esté en modo de desarrollo, use una cuenta con un rol en ella. Esperando la llamada…',
    works: 'Funciona: acaba de sonar una llamada de {caller}.'
  },
  microphone: {
    mac: 'El micrófono está bloqueado. Abra Ajustes del Sistema, Privacidad y seguridad, Micrófono, active Messenger Softphone y vuelva a comprobar.',
    windows:
      'El micrófono está bloqueado. Abra Configuración, Privacidad y seguridad, Micrófono, active "Permitir que las aplicaciones de escritorio accedan al micrófono" y vuelva a comprobar.',
    linux:
      'El micrófono está bloqueado. Revise que la configuración de sonido (y los permisos de sandbox de esta app) permitan usar el micrófono y vuelva a comprobar.',
    browser:
      'El micrófono está bloqueado para esta página. Pulse el icono a la izquierda de la dirección, permita el micrófono y vuelva a comprobar.'
  },
  join: {
    region: 'Unirse a un puesto',
    title: 'Unirse a un puesto que ya está conectado',
    intro:
      'El puesto que tiene la página crea una invitación: su responsable abre Ajustes > Puestos > Añadir un puesto y la copia (en un servidor, la muestra {command}). Sirve una sola vez, durante 10 minutos.',
    commandDesk: 'nombre',
    invitation: 'Invitación',
    join: 'Unirse',
    joining: 'Uniéndose…',
    question: '¿Olvidar la página de este puesto y unirse?',
    forgetText:
      'Este puesto olvidará el token de la página y la clave secreta de la app y dejará de recibir el webhook; el puesto central recibirá las llamadas. Su historial de llamadas se queda aquí, solo para consulta.',
    forget: 'Olvidar la página y unirse',
    keep: 'Conservar la página',
    joined: 'Unido a {hub}. Conectando…'
  },
  invitation: {
    empty: 'Pegue primero la invitación.',
    incomplete:
      'Esto no es una invitación completa: termina con #msp1. y un código largo. Cópiela de nuevo con el botón Copiar.',
    address:
      'Una invitación empieza con https:// (la dirección del puesto central), luego #msp1. y el código.'
  }
} satisfies typeof en
