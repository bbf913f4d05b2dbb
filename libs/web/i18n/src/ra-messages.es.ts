import type { TranslationMessages } from 'react-admin';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };

/**
 * Spanish for the react-admin strings Mend shows today (login page, app bar, menu, dashboard,
 * error and loading screens). Anything not listed falls back to English, see `i18n-provider.ts`;
 * extend this object as screens that use more of react-admin arrive.
 */
export const raMessagesEs: DeepPartial<TranslationMessages['ra']> = {
  action: {
    back: 'Volver',
    clear_input_value: 'Borrar valor',
    close: 'Cerrar',
    close_menu: 'Cerrar menú',
    open_menu: 'Abrir menú',
    refresh: 'Actualizar',
    toggle_theme: 'Cambiar entre modo claro y oscuro',
    update_application: 'Recargar la aplicación',
  },
  auth: {
    auth_check_error: 'Inicia sesión para continuar',
    user_menu: 'Perfil',
    username: 'Usuario',
    password: 'Contraseña',
    sign_in: 'Iniciar sesión',
    sign_in_error: 'No se pudo iniciar sesión. Vuelve a intentarlo.',
    logout: 'Cerrar sesión',
  },
  page: {
    dashboard: 'Inicio',
    error: 'Algo salió mal',
    loading: 'Cargando',
    not_found: 'No encontrado',
    access_denied: 'Acceso denegado',
    authentication_error: 'Error de autenticación',
  },
  input: {
    password: {
      toggle_visible: 'Ocultar contraseña',
      toggle_hidden: 'Mostrar contraseña',
    },
  },
  message: {
    loading: 'Un momento, por favor',
    error: 'Se produjo un error y no se pudo completar la solicitud.',
    invalid_form: 'El formulario no es válido. Revisa los campos marcados.',
    not_found: 'La dirección no es correcta o el enlace ya no existe.',
    access_denied: 'No tienes permiso para ver esta página.',
    authentication_error:
      'El servidor de autenticación respondió con un error y no se pudieron comprobar tus datos.',
    auth_error: 'Se produjo un error al validar el token de autenticación.',
  },
  navigation: {
    skip_nav: 'Saltar al contenido',
  },
  notification: {
    http_error: 'Error de comunicación con el servidor',
    logged_out: 'Tu sesión ha terminado. Vuelve a iniciar sesión.',
    not_authorized: 'No tienes permiso para acceder a este recurso.',
    i18n_error: 'No se pudieron cargar las traducciones del idioma elegido',
    application_update_available: 'Hay una nueva versión disponible.',
  },
  validation: {
    required: 'Obligatorio',
    email: 'Debe ser un correo electrónico válido',
  },
};
