import type en from '../en/errors-config'

/** Lo que los archivos propios de la app y lo pegado dicen de la configuración. */
export default {
  invitation: {
    notCode:
      'Esto no es un código de emparejamiento: copie la línea completa que muestra el puesto central.',
    addressNotWeb: 'La dirección antes del código de emparejamiento no es una dirección web.',
    addressNotHttps: 'La dirección antes del código de emparejamiento debe empezar por https://.'
  },
  deskName: 'El nombre de un puesto tiene de 1 a {max} caracteres imprimibles.',
  secrets: {
    noSecureStorage:
      'Este equipo no ofrece a la aplicación un almacenamiento seguro, así que el token de su página y la clave secreta de la app se guardan solo hasta que cierre la aplicación; la próxima vez tendrá que escribirlos de nuevo.',
    noLinuxKeyring:
      'No hay ningún llavero (como GNOME Keyring o KWallet) que proteja el token de su página y la clave secreta de la app, así que se guardan solo hasta que cierre la aplicación. Configure o desbloquee un llavero y vuelva a escribirlos para que se guarden.',
    fileOpen:
      'Otros usuarios pueden abrir {file} (modo {mode}), así que sus tokens pueden haberse filtrado; hágalo privado con: chmod 600 "{file}"',
    fileNotJson: '{file} no es un JSON válido; corríjalo o bórrelo',
    fileNotStrings: '{file} debe ser un objeto JSON de textos ({keys})'
  },
  historyFile: {
    oneKept: 'No se pudo leer 1 entrada; se guardó en {file}.',
    manyKept: 'No se pudieron leer {count} entradas; se guardaron en {file}.',
    oneStays: 'No se pudo leer 1 entrada; sigue en {file}, porque no se pudo copiar aparte.',
    manyStays:
      'No se pudieron leer {count} entradas; siguen en {file}, porque no se pudieron copiar aparte.'
  },
  settingsFile: {
    unreadable:
      'No se pudo leer {name} ({problem}), así que la aplicación empezó con los ajustes predeterminados; el archivo se guardó como {target}.',
    unusable:
      'Algunos ajustes de {name} no se pudieron usar, así que se aplican sus valores predeterminados; el archivo tal como estaba se guardó como {target}.',
    unusableNamed:
      'Algunos ajustes de {name} no se pudieron usar ({fields}), así que se aplican sus valores predeterminados; el archivo tal como estaba se guardó como {target}.',
    unreadableKept:
      'No se pudo leer {name} ({problem}) ni apartarlo, así que los cambios hechos aquí no se guardan hasta que se corrija o se quite: {file}.',
    unusableKept:
      'Algunos ajustes de {name} no se pudieron usar, así que los cambios hechos aquí no se guardan hasta que se corrija o se quite: {file}.',
    forbidden: 'la aplicación no tiene permiso para abrirlo',
    folder: 'es una carpeta',
    notSettings: 'no contiene ajustes',
    notJson: 'no es un JSON válido'
  }
} satisfies typeof en
