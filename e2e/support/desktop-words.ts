/** The desktop host's menus in German, as the stand-in records them (both stand-in specs expect them). */

/** The application menu's top-level labels. */
export const GERMAN_APP_MENU = ['&Datei', '&Bearbeiten', '&Ansicht', '&Fenster', '&Hilfe'];

/** The tray menu's labels with no plans and no running job ('' is a separator). */
export const GERMAN_TRAY_MENU = [
  'Jetzt sichern',
  'Borgdesk öffnen',
  '',
  'Alle Zeitpläne pausieren',
  '',
  'Borgdesk beenden',
];
