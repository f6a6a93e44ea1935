import type en from '../en/errors'

/** Frases para los códigos que llegan de fuera de la ventana (servicio, comprobaciones, errores de Graph). */
export default {
  service: {
    internal: 'Algo salió mal dentro de la aplicación. Vuelva a intentarlo.',
    invalidFrame: 'La aplicación envió una petición que no entiende. Reinicie la aplicación.',
    unknownCommand: 'Orden desconocida "{command}".',
    invalidRequest: 'La petición {command} no es válida.',
    invalidRequestField: 'La petición {command} no es válida ({field}).',
    connectionLost: 'Se perdió la conexión con el servicio del teléfono.',
    connectionClosed: 'La conexión con el servicio del teléfono no está abierta.',
    ownerOnly: 'Solo el puesto que tiene la Página puede ver o cambiar esto.',
    callBackNotAllowed:
      'Devolver llamadas desde este puesto está desactivado: el puesto que tiene la Página puede permitirlo en sus ajustes.',
    testCallUnavailable: 'La llamada de prueba no está disponible en esta ventana.',
    takeOverUnavailable: 'Quedarse con el webhook no está disponible aquí.',
    onboardingUnavailable: 'Conectar una Página no está disponible aquí.',
    desksUnavailableHere: 'Otros puestos no pueden unirse a este.',
    callBackUnavailable: 'Devolver llamadas a clientes no está disponible aquí.',
    turnPasswordUnavailable: 'Aquí no se puede guardar una contraseña TURN.',
    callEnded: 'Esta llamada ya terminó.',
    answeredElsewhere: 'Esta llamada se contestó en otro lugar.',
    qualityTooLate:
      'Esta llamada terminó hace demasiado tiempo para añadir sus datos de calidad al historial.',
    qualityNotYours: 'Solo el puesto que contestó esta llamada puede informar de su calidad.',
    qualityNotInHistory: 'Esta llamada no está en el historial, así que no se guardaron sus datos.',
    hoursNotPublished: 'El horario se guardó en esta aplicación, pero no en la Página. {reason}',
    shuttingDown: 'La aplicación se está cerrando.'
  },
  graph: {
    tokenExpired:
      'Facebook ya no acepta el acceso de esta aplicación a su Página. Vuelva a conectar la Página en Ajustes.',
    permission:
      'Facebook dice que a esta aplicación le falta un permiso; vuelva a conectar la Página en Ajustes y permita todo lo que pida.',
    permissionNamed:
      'Facebook dice que a esta aplicación le falta un permiso ({name}); vuelva a conectar la Página en Ajustes y permítalo.',
    rateLimited:
      'Facebook está limitando las peticiones en este momento. Espere unos minutos y vuelva a intentarlo.',
    unknownCall: 'Esta llamada ya no existe en Facebook; puede que quien llamaba haya colgado.',
    callState: 'Esta llamada ya terminó en Facebook, así que no queda nada por hacer con ella.',
    badMedia:
      'Facebook no pudo usar los datos de conexión de audio de este equipo; vuelva a intentarlo y reinicie la aplicación si sigue pasando.',
    unavailable: 'Facebook tiene problemas en este momento; vuelva a intentarlo en unos minutos.',
    invalidResponse:
      'Facebook envió una respuesta que esta aplicación no pudo leer; vuelva a intentarlo y actualice la aplicación si sigue pasando.',
    notConfigured: 'Todavía no hay ninguna Página de Facebook conectada; conecte una en Ajustes.',
    other:
      'Facebook rechazó la petición; vuelva a intentarlo y revise el registro si sigue pasando.',
    refusedSaying: 'Facebook rechazó la petición: {said}',
    unexpected:
      'Algo salió mal al hablar con Facebook; vuelva a intentarlo y revise el registro si sigue pasando.',
    badId:
      'Ese identificador de Facebook no es válido; revise el de quien llama o el de la Página y vuelva a intentarlo.',
    hoursRefused:
      'Facebook rechazó este horario ({said}). Revise las horas de apertura, los festivos y la zona horaria, y vuelva a guardar.',
    notConfirmed: {
      acceptCall:
        'Facebook no confirmó la petición de contestar la llamada; vuelva a intentarlo en un momento.',
      declineCall:
        'Facebook no confirmó la petición de rechazar la llamada; vuelva a intentarlo en un momento.',
      endCall:
        'Facebook no confirmó la petición de terminar la llamada; vuelva a intentarlo en un momento.',
      startCall:
        'Facebook no confirmó la petición de iniciar la llamada; vuelva a intentarlo en un momento.',
      storeMetrics:
        'Facebook no confirmó la petición de guardar los datos de la llamada; vuelva a intentarlo en un momento.',
      subscribeApp:
        'Facebook no confirmó la petición de suscribir el webhook de la aplicación; vuelva a intentarlo en un momento.',
      subscribePage:
        'Facebook no confirmó la petición de suscribir la Página; vuelva a intentarlo en un momento.',
      updateCallSettings:
        'Facebook no confirmó la petición de cambiar los ajustes de llamadas; vuelva a intentarlo en un momento.'
    }
  },
  network: {
    timeout: 'Facebook no respondió a tiempo. Revise la conexión a internet y vuelva a intentarlo.',
    refused:
      'No se puede llegar a Facebook: se rechazó la conexión, así que puede que un cortafuegos o un proxy la bloquee.',
    dns: 'No se puede llegar a Facebook: no se encontró su dirección; revise la conexión a internet.',
    offline:
      'No se puede llegar a Facebook: este equipo no tiene conexión; revise la conexión a internet.',
    reset: 'No se puede llegar a Facebook: se cortó la conexión; revise la conexión a internet.',
    other: 'No se puede llegar a Facebook: revise la conexión a internet.'
  },
  setup: {
    askFailed:
      'Algo salió mal al consultar a Meta; vuelva a intentarlo y revise el registro si sigue pasando.',
    enterAppAndSecret:
      'Escriba arriba el identificador y la clave secreta de la aplicación, y vuelva a comprobar.',
    appRejected:
      'Meta no aceptó juntos este identificador y esta clave secreta de la aplicación. Copie los dos de nuevo desde Configuración de la aplicación > Básica en developers.facebook.com (pulse Mostrar para ver la clave).',
    appKnownNamed: 'Meta conoce esta aplicación: "{name}" ({id}).',
    appKnown: 'Meta conoce esta aplicación: ({id}).',
    enterPageAndToken:
      'Escriba arriba el identificador de la Página y el token de acceso de la Página, y vuelva a comprobar.',
    tokenExpiredOn:
      'Este token de acceso de la Página caducó el {date}. En el Explorador de la API Graph elija esta aplicación y luego su Página en "Usuario o página", copie el token que muestra y péguelo arriba.',
    tokenExpired:
      'Este token de acceso de la Página caducó. En el Explorador de la API Graph elija esta aplicación y luego su Página en "Usuario o página", copie el token que muestra y péguelo arriba.',
    tokenRevoked:
      'Meta dice que este token de acceso de la Página no es válido: se revocó (un cambio de contraseña lo hace) o solo se copió una parte. En el Explorador de la API Graph elija esta aplicación y luego su Página en "Usuario o página", copie el token que muestra y péguelo arriba.',
    tokenNotPage:
      'Este es un token de acceso de tipo {type}, no un token de acceso de Página. En el Explorador de la API Graph elija esta aplicación y luego su Página en "Usuario o página", y copie el token que muestra.',
    tokenOtherApp:
      'Este token se hizo con otra aplicación de Meta (id {tokenApp}), no con la aplicación {app}. En el Explorador de la API Graph elija esta aplicación y luego su Página en "Usuario o página", y copie el token que muestra.',
    tokenPassed: 'Meta lo acepta como token de acceso de Página hecho con esta aplicación.',
    tokenOtherPageNamed:
      'Este token es de la Página "{name}" ({ownerId}), no de la Página {pageId}. Escriba {ownerId} como identificador de la Página, o haga un token para la Página {pageId}.',
    tokenOtherPage:
      'Este token es de la Página ({ownerId}), no de la Página {pageId}. Escriba {ownerId} como identificador de la Página, o haga un token para la Página {pageId}.',
    tokenPageNamed: 'El token es de la Página "{name}" ({id}).',
    tokenPage: 'El token es de la Página ({id}).',
    noExpiry: 'El token no caduca.',
    expiresWithinDay:
      'El token caduca en menos de un día ({date}), y entonces las llamadas dejarán de sonar. Haga un token de Página que no caduque (a partir de un token de usuario de larga duración) y péguelo arriba.',
    expiresInOneDay:
      'El token caduca en 1 día ({date}), y entonces las llamadas dejarán de sonar. Haga un token de Página que no caduque (a partir de un token de usuario de larga duración) y péguelo arriba.',
    expiresInDays:
      'El token caduca en {days} días ({date}), y entonces las llamadas dejarán de sonar. Haga un token de Página que no caduque (a partir de un token de usuario de larga duración) y péguelo arriba.',
    validUntil: 'El token es válido hasta el {date}.',
    permissionsLack:
      'Al token le falta {name} para esta Página. Haga un token nuevo y permítalo cuando Meta lo pida (en el Explorador de la API Graph: Añadir un permiso), y péguelo arriba.',
    permissionsLackBoth:
      'Al token le faltan {first} y {second} para esta Página. Haga un token nuevo y permita los dos cuando Meta lo pida (en el Explorador de la API Graph: Añadir un permiso), y péguelo arriba.',
    permissionsGranted: '{first} y {second} están concedidos.',
    permissionsGrantedWithout:
      '{first} y {second} están concedidos ({optional} no, y esta aplicación no lo necesita).',
    appModeUnknown:
      'La API de Meta no dice si una aplicación está en modo Activo o en Desarrollo. Mire el interruptor Modo de la aplicación arriba en el panel de la aplicación en developers.facebook.com: en modo Desarrollo solo las personas con un rol en la aplicación pueden llamar a la Página.',
    notSubscribed:
      'La Página no está suscrita a esta aplicación, así que Meta no le envía las llamadas de la Página. Suscríbala aquí.',
    subscribedWithoutCalls:
      'La Página está suscrita a esta aplicación, pero no a las llamadas (solo a {fields}). Añada las llamadas aquí.',
    subscribedToNothing:
      'La Página está suscrita a esta aplicación, pero a nada, tampoco a las llamadas. Añada las llamadas aquí.',
    subscribed: 'La Página envía sus llamadas a esta aplicación.',
    skipCallSettings: 'Omitida: no se pudieron leer los ajustes de llamadas de la Página.',
    ringsHere: 'Las llamadas a la Página suenan en aplicaciones asociadas como esta.',
    ringsElsewhere:
      'Las llamadas a la Página suenan en las aplicaciones de Meta (el enrutamiento es {target}), no aquí. Envíelas a esta aplicación aquí.',
    ringsUnknown:
      'Meta no dijo dónde suenan las llamadas a la Página. Envíelas a esta aplicación aquí.',
    audioOn: 'Las llamadas de voz están activadas para la Página.',
    audioOff:
      'Las llamadas de voz están desactivadas para la Página, así que los clientes no pueden llamar. Actívelas aquí.',
    audioUnknown:
      'Meta no dijo si las llamadas de voz están activadas para la Página. Actívelas aquí para asegurarse.',
    skipNeedsAppToken:
      'Omitida hasta que se acepten el identificador y la clave secreta de la aplicación: Meta solo muestra los datos de un token a su aplicación.',
    skipAppNotAccepted:
      'Omitida hasta que se acepten el identificador y la clave secreta de la aplicación.',
    skipTokenMissing: 'Omitida hasta que se escriba el token de acceso de la Página.',
    skipTokenNotAccepted: 'Omitida hasta que se acepte el token de acceso de la Página.',
    skipSecretNotAccepted: 'Omitida hasta que se acepte la clave secreta de la aplicación.',
    skipTokenOtherPage: 'Omitida hasta que el token sea de esta Página.',
    reachableAt: 'Meta puede llegar a este equipo en {url}.',
    unreachable:
      'Nada hace que este equipo sea accesible desde internet, así que Meta no puede entregar llamadas. En Ajustes, active el túnel o escriba su propia dirección pública, y vuelva a comprobar.',
    tunnelOpening: 'El túnel se está abriendo; vuelva a comprobar en unos segundos.',
    tunnelDown:
      'El túnel no funciona ({error}); la aplicación lo vuelve a intentar en {seconds} s. Revise la conexión a internet o elija otro servidor de túnel en Ajustes.',
    webhookElsewhere:
      'Meta envía las llamadas de esta aplicación a {url}, no a este equipo ({callbackUrl}): puede que otra copia de la aplicación se haya registrado después. Vuelva a registrar este equipo.',
    webhookNowhere:
      'Meta no envía las llamadas de esta aplicación a ninguna dirección, tampoco a este equipo ({callbackUrl}): puede que otra copia de la aplicación se haya registrado después. Vuelva a registrar este equipo.',
    webhookWithoutCalls:
      'El webhook está registrado sin el campo de llamadas, así que Meta no le envía llamadas. Vuelva a registrarlo.',
    skipUnreachable: 'Omitida hasta que este equipo sea accesible desde internet.',
    webhookNotRegistered:
      'El webhook todavía no está registrado: guarde arriba la Página y la aplicación, y luego regístrelo.',
    webhookRegistering:
      'Todavía se está registrando el webhook con Meta; vuelva a comprobar en unos segundos.',
    webhookPassed: 'Meta envía las llamadas a {url}.',
    skipNotRegistered: 'Omitida hasta que el webhook esté registrado.',
    handshakeThrough:
      'La petición de verificación de Meta llegó a este equipo a través de {url} (a las {time} UTC).',
    handshakePassed:
      'La petición de verificación de Meta llegó a este equipo a través de la dirección pública (a las {time} UTC).',
    handshakeOtherToken:
      'Llegó una petición de verificación, pero con otro token de verificación: otra copia de la aplicación responde por esta dirección. Vuelva a registrar este equipo.',
    handshakeNever:
      'Meta aceptó la dirección, pero su petición de verificación nunca llegó aquí, así que las llamadas irían a otro lugar. Compruebe que el túnel o su propia dirección pública llevan a este equipo, y vuelva a registrar.'
  },
  pageHealth: {
    unchecked: 'No se pudo comprobar la Página; revise el registro.',
    tokenRejected:
      'Token de la Página rechazado: vuelva a conectar la Página en Configuración de la Página.',
    permissionMissing:
      'Al token de la Página le falta un permiso: vuelva a conectar la Página en Configuración de la Página.',
    otherPage:
      'El token de la Página es de otra Página ({id}): vuelva a conectar la Página en Configuración de la Página.'
  },
  calls: {
    tooManyRinging: 'Perdida: sonaban demasiadas llamadas a la vez.'
  },
  tunnel: {
    openFailed: 'No se pudo abrir el túnel; revise el registro para ver los detalles.',
    serverUnreachable:
      'No se pudo llegar al servidor de túnel {server} ({reason}); revise la conexión a internet.',
    serverDown: 'El servidor de túnel {server} no funciona en este momento (HTTP {status}).',
    serverRefused:
      'El servidor de túnel {server} rechazó el túnel (HTTP {status}). Revise los ajustes del túnel.',
    serverRefusedSaying:
      'El servidor de túnel {server} rechazó el túnel: {said} Revise los ajustes del túnel.',
    notLocaltunnel:
      'El servidor en {server} no respondió como un servidor localtunnel; revise la dirección del servidor de túnel.',
    noPublicUrl:
      'No hay dirección pública: escriba en Ajustes la URL que lleva a este equipo, o elija un túnel.',
    registerFailed:
      'No se pudo registrar el webhook con Facebook; revise el registro para ver los detalles.'
  },
  callState: {
    notFound: 'Esta llamada ya no está disponible: puede que haya terminado hace un rato.',
    hungUpBeforeAnswer: 'Quien llamaba colgó antes de que se contestara la llamada.',
    hungUp: 'Quien llamaba ya colgó.',
    stoppedRinging: 'Esta llamada dejó de sonar antes de que nadie la contestara.',
    neverRang: 'Esta llamada nunca sonó: sonaban demasiadas llamadas a la vez.',
    declined: 'Esta llamada ya se rechazó.',
    noAnswer: 'El cliente no contestó esta llamada.',
    notAnswered: 'Esta llamada todavía no se ha contestado.',
    inProgress: 'Esta llamada ya está en curso.',
    answeringHere: 'Ya está contestando esta llamada.',
    answeredElsewhere: 'Esta llamada ya se contestó en otro puesto.',
    answeredBy: 'Esta llamada ya se contestó en {desk}.'
  },
  credentials: {
    enterPageId: 'Escriba el identificador de la Página.',
    pageIdNumber:
      'El identificador de la Página es un número, como 106378625516323: está en la pestaña Información de su Página, en Transparencia de la página.',
    enterAppId: 'Escriba el identificador de la aplicación.',
    appIdNumber:
      'El identificador de la aplicación es un número, como 106378625516323: está arriba en el panel de su aplicación en developers.facebook.com.',
    pasteToken: 'Pegue el token de acceso de la Página.',
    tokenForPage:
      'Pegue un token de acceso para la Página {pageId}: el guardado es de la Página {storedPageId}.',
    tokenForOtherPage:
      'Pegue un token de acceso para la Página {pageId}: el guardado es de otra Página.',
    tokenIncomplete:
      'Eso no parece un token de acceso de Página completo: cópielo de nuevo, entero (empieza por EAA).',
    pasteSecret: 'Pegue la clave secreta de la aplicación.',
    secretForApp:
      'Pegue la clave secreta de la aplicación {appId}: la guardada es de la aplicación {storedAppId}.',
    secretForOtherApp:
      'Pegue la clave secreta de la aplicación {appId}: la guardada es de otra aplicación.',
    secretShape:
      'La clave secreta es una cadena de letras y cifras: cópiela de nuevo desde Configuración de la aplicación > Básica (pulse Mostrar antes).',
    noSecretStore:
      'Esta aplicación se inició sin un lugar donde guardar secretos, así que aquí no se puede guardar la Página.'
  },
  desk: {
    stopping: 'Este puesto se está deteniendo.',
    changingRole: 'Este puesto ya está cambiando de función: vuelva a intentarlo.',
    joinUnavailable: 'Unirse a un hub no está disponible aquí.',
    noHubToLeave: 'Este puesto no es un puesto de un hub: no tiene hub que dejar.',
    joinCallLive: 'Todavía hay una llamada en este puesto: únase al hub cuando haya terminado.',
    joinHasSeat:
      'Este puesto es el hub de otro puesto: quítelo antes en Ajustes > Puestos, o se quedará sin hub.',
    joinHasSeats:
      'Este puesto es el hub de otros {count} puestos: quítelos antes en Ajustes > Puestos, o se quedarán sin hub.',
    joinConfirmForget:
      'Confirme que este puesto puede olvidar su Página y detener su túnel y su webhook: un puesto de un hub no tiene Página.',
    joinNoAddress:
      'La invitación no tiene la dirección del hub: pegue la invitación completa del hub, que empieza por https://.',
    nameTaken:
      'Ya hay un puesto llamado "{name}" emparejado con este hub: elija otro nombre o quite antes ese puesto.',
    nameIsHub:
      '"{name}" es el nombre del puesto de este hub: elija otro nombre para el nuevo puesto.',
    noPublicAddress:
      'Este puesto todavía no tiene dirección pública: active el túnel o ponga su propia dirección en Ajustes, y luego añada el puesto.',
    listUnreadable:
      'No se pudo leer la lista de puestos, así que ningún puesto puede unirse: revise el registro y reinicie.',
    notPaired: 'No hay ningún puesto llamado "{name}" emparejado con este hub.'
  },
  seat: {
    alreadySeat: 'Este puesto ya es un puesto de {hub}; déjelo antes (Ajustes).',
    leaveUnavailable: 'Dejar el hub no está disponible aquí.',
    leaveCallLive:
      'Sigue una llamada contestada en este puesto: cuelgue primero y luego deje el hub.',
    hubLate: 'El hub no respondió a tiempo.',
    notOnline: 'Este puesto no está conectado con su hub.',
    notOnlineBecause: 'Este puesto no está conectado con su hub: {reason}.',
    hubOffline: 'El hub no está conectado: {reason}.',
    hubConnecting: 'El hub no está conectado: este puesto todavía se está conectando a él.',
    hubOnline: 'El hub está conectado.',
    hubWideSettings:
      'Este puesto es un puesto de {hub}; cambie los ajustes de todo el hub ({groups}) en el hub.',
    refused: {
      turnPassword: 'Este puesto es un puesto de {hub}; cambie la contraseña TURN en el hub.',
      page: 'Este puesto es un puesto de {hub}; cambie la Página en el hub.',
      setup: 'Este puesto es un puesto de {hub}; cambie la configuración en el hub.',
      webhookOwner: 'Este puesto es un puesto de {hub}; cambie quién recibe el webhook en el hub.',
      desks: 'Este puesto es un puesto de {hub}; cambie los puestos en el hub.',
      businessHours: 'Este puesto es un puesto de {hub}; cambie el horario de atención en el hub.'
    }
  },
  callBack: {
    noPage:
      'Conecte su Página de Facebook en Configuración de la Página antes de devolver llamadas.',
    inProgress: 'Ya hay una llamada en curso a este cliente.',
    noMoreRequests: 'Facebook no permite otra solicitud en este momento.',
    unknownCustomer:
      'Facebook ya no reconoce a {name} para su Página: puede que haya borrado la conversación o bloqueado la Página.',
    unknownCustomerUnnamed:
      'Facebook ya no reconoce al cliente para su Página: puede que haya borrado la conversación o bloqueado la Página.',
    notAllowed:
      '{name} no ha permitido llamadas de su Página, o el permiso ha caducado. Vuelva a pedir permiso.',
    notAllowedUnnamed:
      'El cliente no ha permitido llamadas de su Página, o el permiso ha caducado. Vuelva a pedir permiso.',
    requestsPerDay:
      'Facebook solo permite unas pocas solicitudes de permiso al día a cada cliente. Vuelva a intentarlo mañana.'
  },
  webhookOwner: {
    otherPage:
      'Las llamadas de {page} van a {desk} por otra Página de esta aplicación ({pageIds}); una aplicación tiene una sola URL de devolución, así que este puesto no puede quedárselas.',
    noPublicUrl:
      'Este puesto todavía no tiene dirección pública, así que Meta no podría hacerle llegar llamadas: elija un túnel o escriba una dirección pública antes.',
    notConfirmed:
      'Facebook no confirmó la nueva dirección a tiempo; revise la conexión y vuelva a intentarlo.'
  }
} satisfies typeof en
