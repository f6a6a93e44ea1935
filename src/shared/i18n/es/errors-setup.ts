import type en from '../en/errors-setup'

/** Las comprobaciones de Configurar la página, que las ventanas cargan con esa vista. */
export default {
  askFailed:
    'Algo salió mal al consultar a Meta; vuelva a intentarlo y revise el registro si sigue pasando.',
  enterAppAndSecret:
    'Escriba arriba el identificador y la clave secreta de la aplicación, y vuelva a comprobar.',
  appRejected:
    'Meta no aceptó juntos este identificador y esta clave secreta de la aplicación. Copie los dos de nuevo desde Configuración de la aplicación > Básica en developers.facebook.com (pulse Mostrar para ver la clave).',
  appKnownNamed: 'Meta conoce esta aplicación: "{name}" ({id}).',
  appKnown: 'Meta conoce esta aplicación: ({id}).',
  enterPageAndToken:
    'Escriba arriba el identificador de la página y el token de acceso de la página, y vuelva a comprobar.',
  tokenExpiredOn:
    'Este token de acceso de la página caducó el {date}. En el Explorador de la API Graph elija esta aplicación y luego su página en "Usuario o página", copie el token que muestra y péguelo arriba.',
  tokenExpired:
    'Este token de acceso de la página caducó. En el Explorador de la API Graph elija esta aplicación y luego su página en "Usuario o página", copie el token que muestra y péguelo arriba.',
  tokenRevoked:
    'Meta dice que este token de acceso de la página no es válido: se revocó (un cambio de contraseña lo hace) o solo se copió una parte. En el Explorador de la API Graph elija esta aplicación y luego su página en "Usuario o página", copie el token que muestra y péguelo arriba.',
  tokenNotPage:
    'Este es un token de acceso de tipo {type}, no un token de acceso de página. En el Explorador de la API Graph elija esta aplicación y luego su página en "Usuario o página", y copie el token que muestra.',
  tokenOtherApp:
    'Este token se hizo con otra aplicación de Meta (id {tokenApp}), no con la aplicación {app}. En el Explorador de la API Graph elija esta aplicación y luego su página en "Usuario o página", y copie el token que muestra.',
  tokenPassed: 'Meta lo acepta como token de acceso de página hecho con esta aplicación.',
  tokenOtherPageNamed:
    'Este token es de la página "{name}" ({ownerId}), no de la página {pageId}. Escriba {ownerId} como identificador de la página, o haga un token para la página {pageId}.',
  tokenOtherPage:
    'Este token es de la página ({ownerId}), no de la página {pageId}. Escriba {ownerId} como identificador de la página, o haga un token para la página {pageId}.',
  tokenPageNamed: 'El token es de la página "{name}" ({id}).',
  tokenPage: 'El token es de la página ({id}).',
  noExpiry: 'El token no caduca.',
  expiresWithinDay:
    'El token caduca en menos de un día ({date}), y entonces las llamadas dejarán de sonar. Haga un token de página que no caduque (a partir de un token de usuario de larga duración) y péguelo arriba.',
  expiresInOneDay:
    'El token caduca en 1 día ({date}), y entonces las llamadas dejarán de sonar. Haga un token de página que no caduque (a partir de un token de usuario de larga duración) y péguelo arriba.',
  expiresInDays:
    'El token caduca en {days} días ({date}), y entonces las llamadas dejarán de sonar. Haga un token de página que no caduque (a partir de un token de usuario de larga duración) y péguelo arriba.',
  validUntil: 'El token es válido hasta el {date}.',
  permissionsLack:
    'Al token le falta {name} para esta página. Haga un token nuevo y permítalo cuando Meta lo pida (en el Explorador de la API Graph: Añadir un permiso), y péguelo arriba.',
  permissionsLackBoth:
    'Al token le faltan {first} y {second} para esta página. Haga un token nuevo y permita los dos cuando Meta lo pida (en el Explorador de la API Graph: Añadir un permiso), y péguelo arriba.',
  permissionsGranted: '{first} y {second} están concedidos.',
  permissionsGrantedWithout:
    '{first} y {second} están concedidos ({optional} no, y esta aplicación no lo necesita).',
  appModeUnknown:
    'La API de Meta no dice si una aplicación está en modo Activo o en Desarrollo. Mire el interruptor Modo de la aplicación arriba en el panel de la aplicación en developers.facebook.com: en modo Desarrollo solo las personas con un rol en la aplicación pueden llamar a la página.',
  notSubscribed:
    'La página no está suscrita a esta aplicación, así que Meta no le envía las llamadas de la página. Suscríbala aquí.',
  subscribedWithoutCalls:
    'La página está suscrita a esta aplicación, pero no a las llamadas (solo a {fields}). Añada las llamadas aquí.',
  subscribedToNothing:
    'La página está suscrita a esta aplicación, pero a nada, tampoco a las llamadas. Añada las llamadas aquí.',
  subscribed: 'La página envía sus llamadas a esta aplicación.',
  skipCallSettings: 'Omitida: no se pudieron leer los ajustes de llamadas de la página.',
  ringsHere: 'Las llamadas a la página suenan en aplicaciones asociadas como esta.',
  ringsElsewhere:
    'Las llamadas a la página suenan en las aplicaciones de Meta (el enrutamiento es {target}), no aquí. Envíelas a esta aplicación aquí.',
  ringsUnknown:
    'Meta no dijo dónde suenan las llamadas a la página. Envíelas a esta aplicación aquí.',
  audioOn: 'Las llamadas de voz están activadas para la página.',
  audioOff:
    'Las llamadas de voz están desactivadas para la página, así que los clientes no pueden llamar. Actívelas aquí.',
  audioUnknown:
    'Meta no dijo si las llamadas de voz están activadas para la página. Actívelas aquí para asegurarse.',
  skipNeedsAppToken:
    'Omitida hasta que se acepten el identificador y la clave secreta de la aplicación: Meta solo muestra los datos de un token a su aplicación.',
  skipAppNotAccepted:
    'Omitida hasta que se acepten el identificador y la clave secreta de la aplicación.',
  skipTokenMissing: 'Omitida hasta que se escriba el token de acceso de la página.',
  skipTokenNotAccepted: 'Omitida hasta que se acepte el token de acceso de la página.',
  skipSecretNotAccepted: 'Omitida hasta que se acepte la clave secreta de la aplicación.',
  skipTokenOtherPage: 'Omitida hasta que el token sea de esta página.',
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
    'El webhook todavía no está registrado: guarde arriba la página y la aplicación, y luego regístrelo.',
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
} satisfies typeof en
