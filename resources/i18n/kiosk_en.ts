<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es_CO">
    <context>
        <name>AdminAccess</name>
        <message>
            <source>Modo administrador</source>
            <extracomment>The corner's side, in px, from the window's top-left (the top right holds the kiosk's language and text-size switches: taps there must not count). Presses in the corner that open the admin PIN… …within this many seconds.</extracomment>
            <translation>Administrator mode</translation>
        </message>
    </context>
    <context>
        <name>AdminPinDialog</name>
        <message>
            <source>PIN de administrador</source>
            <translation>Administrator PIN</translation>
        </message>
        <message>
            <source>Un administrador debe escribir su PIN.</source>
            <translation>An administrator must type their PIN.</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>No se puede iniciar</source>
            <extracomment>A kiosk's window held fullscreen on its screen (``run_app`` in kiosk mode).</extracomment>
            <translation>Cannot start</translation>
        </message>
    </context>
    <context>
        <name>AttractScreen</name>
        <message>
            <source>Toque la pantalla para empezar</source>
            <extracomment>How often the hint under the invitation changes its look (a slow, cheap pulse). The hint's two looks (``QLabel[role="attractPulseOn"]`` / ``"attractPulseOff"`` in the QSS). (job, the start screen's button whose words it shows), in the start screen's order.</extracomment>
            <translation>Touch the screen to start</translation>
        </message>
        <message>
            <source>Pague con el código QR desde su celular.</source>
            <translation>Pay with the QR code from your phone.</translation>
        </message>
    </context>
    <context>
        <name>BackOfficeBar</name>
        <message>
            <source>Historial</source>
            <translation>History</translation>
        </message>
        <message>
            <source>Cierre de turno</source>
            <translation>Close shift</translation>
        </message>
        <message>
            <source>Ajustes</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Cerrar sesión</source>
            <translation>Sign out</translation>
        </message>
        <message>
            <source>Salir del modo quiosco</source>
            <translation>Leave kiosk mode</translation>
        </message>
        <message>
            <source>Volver al quiosco</source>
            <translation>Back to the kiosk</translation>
        </message>
        <message>
            <source>Hay una venta sin terminar; ¿cerrar sesión y descartarla?</source>
            <translation>A sale is not finished yet. Sign out and discard it?</translation>
        </message>
        <message>
            <source>Sí, cerrar sesión</source>
            <translation>Yes, sign out</translation>
        </message>
        <message>
            <source>No, seguir con la venta</source>
            <translation>No, go on with the sale</translation>
        </message>
    </context>
    <context>
        <name>BackOfficeWiring</name>
        <message>
            <source>Un momento, por favor…</source>
            <translation>One moment, please…</translation>
        </message>
        <message>
            <source>Exportando las ventas…</source>
            <translation>Exporting the sales…</translation>
        </message>
        <message>
            <source>Exportar las ventas con las líneas completas.</source>
            <extracomment>Where "Volver" on a sale's detail goes (the history, or the report's follow-up). A sale just settled: its detail says so once it is shown again (reloaded).</extracomment>
            <translation>Export the sales with their whole lines.</translation>
        </message>
        <message numerus="yes">
            <source>%n venta(s) exportadas a {path}</source>
            <translation>
                <numerusform>%n sale exported to {path}</numerusform>
                <numerusform>%n sales exported to {path}</numerusform>
            </translation>
        </message>
        <message>
            <source>No hay impresora configurada.</source>
            <translation>No printer is set up.</translation>
        </message>
        <message>
            <source>Copia impresa; quedó anotada en el diario.</source>
            <translation>Copy printed; it is recorded in the journal.</translation>
        </message>
        <message>
            <source>Registrar cómo se resolvió la venta {reference}.</source>
            <translation>Record how sale {reference} was settled.</translation>
        </message>
        <message>
            <source>Solución registrada en el diario.</source>
            <translation>Settlement recorded in the journal.</translation>
        </message>
        <message>
            <source>Turno cerrado: el informe Z quedó en el diario.</source>
            <translation>Shift closed: the Z report is in the journal.</translation>
        </message>
        <message>
            <source>Informe guardado en {path}</source>
            <translation>Report saved to {path}</translation>
        </message>
        <message>
            <source>No se pudo guardar el informe en {path}: {reason}.</source>
            <translation>Could not save the report to {path}: {reason}.</translation>
        </message>
        <message>
            <source>Informe enviado a la impresora.</source>
            <translation>Report sent to the printer.</translation>
        </message>
    </context>
    <context>
        <name>BalanceScreen</name>
        <message numerus="yes">
            <source>Escriba los %n dígitos del código que llegó por mensaje de texto.</source>
            <translation>
                <numerusform>Type the %n-digit code that came by text message.</numerusform>
                <numerusform>Type the %n-digit code that came by text message.</numerusform>
            </translation>
        </message>
        <message>
            <source>Consulta de saldo</source>
            <extracomment>The masked line the code went to ("" before any), the balance and packs shown.</extracomment>
            <translation>Balance check</translation>
        </message>
        <message>
            <source>Para proteger su información, enviamos un código por mensaje de texto a la línea.</source>
            <translation>To protect your information, we send a code by text message to the line.</translation>
        </message>
        <message numerus="yes">
            <source>Código de %n dígitos</source>
            <translation>
                <numerusform>%n-digit code</numerusform>
                <numerusform>%n-digit code</numerusform>
            </translation>
        </message>
        <message>
            <source>Ver saldo</source>
            <translation>Show balance</translation>
        </message>
        <message>
            <source>Terminar</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Enviar código</source>
            <translation>Send code</translation>
        </message>
        <message>
            <source>Enviar otro código</source>
            <translation>Send another code</translation>
        </message>
        <message numerus="yes">
            <source>Escriba el código de %n dígitos que enviamos por mensaje de texto al {line}. Si no llega en un minuto, pida otro.</source>
            <translation>
                <numerusform>Type the %n-digit code we sent by text message to {line}. If it does not arrive within a minute, ask for another one.</numerusform>
                <numerusform>Type the %n-digit code we sent by text message to {line}. If it does not arrive within a minute, ask for another one.</numerusform>
            </translation>
        </message>
        <message>
            <source>Saldo: {amount}</source>
            <translation>Balance: {amount}</translation>
        </message>
        <message>
            <source>No tiene paquetes activos.</source>
            <translation>You have no active packs.</translation>
        </message>
        <message>
            <source>• {name}: vence el {moment}</source>
            <translation>• {name}: expires {moment}</translation>
        </message>
        <message>
            <source>Paquetes activos:</source>
            <translation>Active packs:</translation>
        </message>
    </context>
    <context>
        <name>BusyOverlay</name>
        <message>
            <source>Un momento, por favor…</source>
            <translation>One moment, please…</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ConfirmScreen</name>
        <message>
            <source>Confirme la venta</source>
            <extracomment>"Volver" and "Pagar con código QR" at the kiosk: wide targets.</extracomment>
            <translation>Confirm the sale</translation>
        </message>
        <message>
            <source>Revise los datos con el cliente.</source>
            <translation>Check the details with the customer.</translation>
        </message>
        <message>
            <source>Venta</source>
            <translation>Sale</translation>
        </message>
        <message>
            <source>Línea</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>Operador</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Paquete</source>
            <translation>Pack</translation>
        </message>
        <message>
            <source>Lo envía</source>
            <translation>Sent by</translation>
        </message>
        <message>
            <source>Valor a pagar</source>
            <translation>Amount to pay</translation>
        </message>
        <message>
            <source>La línea recibe</source>
            <translation>The line receives</translation>
        </message>
        <message>
            <source>Revise los datos antes de pagar.</source>
            <translation>Check the details before you pay.</translation>
        </message>
        <message>
            <source>Usted paga en su propio celular: en la siguiente pantalla escanee el código QR.</source>
            <translation>You pay on your own phone: scan the QR code on the next screen.</translation>
        </message>
        <message>
            <source>Pagar con código QR</source>
            <translation>Pay with QR code</translation>
        </message>
        <message>
            <source>¿Cómo paga el cliente?</source>
            <translation>How does the customer pay?</translation>
        </message>
        <message>
            <source>Ir a pagar</source>
            <translation>Go to payment</translation>
        </message>
    </context>
    <context>
        <name>ConsentBox</name>
        <message>
            <source>La tienda</source>
            <translation>The store</translation>
        </message>
        <message>
            <source>{store} usa su número de celular solo para hacer esta venta y guardar su registro. Para consultar, corregir o pedir que se borren sus datos, pregunte en {store} ({contact}) (Ley 1581 de 2012). ¿Autoriza el uso de su número para esta venta?</source>
            <translation>{store} uses your mobile number only to make this sale and keep its record. To see, correct or delete your data, ask at {store} ({contact}) (Colombian Law 1581 of 2012). Do you allow us to use your number for this sale?</translation>
        </message>
        <message>
            <source>{store} usa su número de celular solo para hacer esta venta y guardar su registro. Para consultar, corregir o pedir que se borren sus datos, pregunte en {store} (Ley 1581 de 2012). ¿Autoriza el uso de su número para esta venta?</source>
            <translation>{store} uses your mobile number only to make this sale and keep its record. To see, correct or delete your data, ask at {store} (Colombian Law 1581 of 2012). Do you allow us to use your number for this sale?</translation>
        </message>
        <message>
            <source>Marque la autorización de datos para continuar.</source>
            <translation>Tick the consent box to continue.</translation>
        </message>
        <message>
            <source>Autorizó el uso de su número para esta venta. Toque la casilla otra vez para retirarlo.</source>
            <translation>You agreed to the use of your number for this sale. Tap the box again to withdraw it.</translation>
        </message>
        <message>
            <source>Sí, &amp;autorizo</source>
            <translation>Yes, I &amp;agree</translation>
        </message>
        <message>
            <source>Sí, autorizo el uso de mi número para esta venta</source>
            <translation>Yes, I authorize the use of my number for this sale</translation>
        </message>
    </context>
    <context>
        <name>DigitKeypad</name>
        <message>
            <source>Borrar</source>
            <extracomment>A key's size: well over the 48 px a finger needs, with room between keys. Set on a field that a keypad of its screen serves (the letter keyboard leaves it alone). Digit keys as a phone lays them out; the last row holds "Borrar todo", 0, "Borrar". What an on-screen key types into: a line, or a text of several lines. When a sheet may have changed the size (a re-polish sends no event: the layout then resizes the key to the sheet's size, and the key takes its own back). The smallest text a key shrinks to.</extracomment>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Borrar un dígito</source>
            <translation>Delete one digit</translation>
        </message>
        <message>
            <source>Borrar todo</source>
            <translation>Clear all</translation>
        </message>
        <message>
            <source>Borrar todo el campo</source>
            <translation>Clear the whole field</translation>
        </message>
        <message>
            <source>Dígito {digit}</source>
            <translation>Digit {digit}</translation>
        </message>
    </context>
    <context>
        <name>FileErrors</name>
        <message>
            <source>la carpeta no existe</source>
            <extracomment>The keys of a receipt's rows (``Row.key``, and the screen's ``receipt&lt;Key&gt;Value``), in the order printed. Printer failures that printing the same job again cannot fix: someone has to set the printer up first (settings, a missing component).</extracomment>
            <translation>the folder does not exist</translation>
        </message>
        <message>
            <source>no hay permiso para escribir en esa carpeta</source>
            <translation>there is no permission to write in that folder</translation>
        </message>
        <message>
            <source>el disco está lleno</source>
            <translation>the disk is full</translation>
        </message>
        <message>
            <source>el archivo no se pudo escribir</source>
            <translation>the file could not be written</translation>
        </message>
    </context>
    <context>
        <name>GiftPackScreen</name>
        <message>
            <source>Elija un paquete.</source>
            <translation>Choose a pack.</translation>
        </message>
        <message>
            <source>No hay paquetes disponibles en este momento. Intente más tarde.</source>
            <translation>No packs are available right now. Please try again later.</translation>
        </message>
        <message>
            <source>Paquete de regalo</source>
            <extracomment>What the packs' message says now (our words, re-rendered on a language change).</extracomment>
            <translation>Gift pack</translation>
        </message>
        <message>
            <source>Número de quien recibe el paquete</source>
            <translation>Number of the person who gets the pack</translation>
        </message>
        <message>
            <source>Su número (opcional), para que sepa quién se lo envía</source>
            <translation>Your number (optional), so they know who sent it</translation>
        </message>
        <message>
            <source>Elija el paquete</source>
            <translation>Choose the pack</translation>
        </message>
    </context>
    <context>
        <name>HistoryScreen</name>
        <message>
            <source>Historial de ventas</source>
            <extracomment>How many days back the history starts when it opens (a week: "yesterday's sale"). The table's own type size: nine columns fit 1024 px. The filters' own type size: six fields and a button fit one screen's width. A row's height: a finger's (48 px at the least). The clerk combo's least width in characters, and at most in pixels: the longest clerk's name ("Ana Fernanda Gómez") fits whole up to that; a longer one shows its start. What the combo needs around its text: its padding, frame and the drop-down arrow. The columns' widths in pixels (the clerk's column takes the rest). The date fields' format by language (Spanish: day first; English: the month's name). Qt's own file dialog (not the platform's): tests and kiosks drive it.</extracomment>
            <translation>Sales history</translation>
        </message>
        <message>
            <source>Busque por línea (completa o sus últimos 4 dígitos), referencia, fechas, estado o cajero.</source>
            <translation>Search by line (the whole number or its last 4 digits), reference, dates, status or clerk.</translation>
        </message>
        <message>
            <source>Línea</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>Referencia</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Desde</source>
            <translation>From</translation>
        </message>
        <message>
            <source>Hasta</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Cajero</source>
            <translation>Clerk</translation>
        </message>
        <message>
            <source>Ej.: 6789</source>
            <translation>E.g. 6789</translation>
        </message>
        <message>
            <source>Ej.: K1QX</source>
            <translation>E.g. K1QX</translation>
        </message>
        <message>
            <source>Buscar</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>Exportar CSV</source>
            <translation>Export CSV</translation>
        </message>
        <message>
            <source>Ver venta</source>
            <translation>View sale</translation>
        </message>
        <message>
            <source>Líneas completas (PIN de administrador)</source>
            <translation>Whole lines (admin PIN)</translation>
        </message>
        <message>
            <source>Las ventas de las fechas elegidas en un archivo CSV para el contador.</source>
            <translation>The sales of the chosen dates in a CSV file for the accountant.</translation>
        </message>
        <message>
            <source>Ventas encontradas</source>
            <translation>Sales found</translation>
        </message>
        <message>
            <source>No hay ventas con esos filtros. Revise las fechas o quite algún filtro.</source>
            <translation>No sales match these filters. Check the dates or remove a filter.</translation>
        </message>
        <message>
            <source>Todos los estados</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>Todos</source>
            <translation>Everyone</translation>
        </message>
        <message numerus="yes">
            <source>%n venta(s) mostradas; hay más al bajar.</source>
            <translation>
                <numerusform>%n sale shown; scroll down for more.</numerusform>
                <numerusform>%n sales shown; scroll down for more.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n venta(s) en total.</source>
            <translation>
                <numerusform>%n sale in all.</numerusform>
                <numerusform>%n sales in all.</numerusform>
            </translation>
        </message>
        <message>
            <source>Guardar las ventas en CSV</source>
            <translation>Save the sales as CSV</translation>
        </message>
        <message>
            <source>Archivos CSV (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>IdleWarning</name>
        <message>
            <source>¿Sigue ahí?</source>
            <extracomment>The "Sigo aquí" button's height: a big touch target (kiosk buttons ≥ 56 px).</extracomment>
            <translation>Are you still there?</translation>
        </message>
        <message>
            <source>Sigo aquí</source>
            <translation>I'm still here</translation>
        </message>
        <message>
            <source>Volveremos al inicio en {n} s</source>
            <translation>Back to the start in {n} s</translation>
        </message>
    </context>
    <context>
        <name>KeyboardDock</name>
        <message>
            <source>Teclado en pantalla</source>
            <extracomment>Input method hints that mean "digits" (the digit keypad opens for such a field). The dock's own room around the keys. The keyboard's prefix (its keys are ``kbKey_a`` …) and the digit keypad's. The field's own widget that had the focus (a combo box, a spin box, the field). Where the dock lives when no dialog borrows it (its parent at construction). The views of the scroll areas the target is in (watched for their new height). What a finger taps to reach the target (a text's view, a line itself).</extracomment>
            <translation>On-screen keyboard</translation>
        </message>
        <message>
            <source>Listo</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Listo, cerrar el teclado</source>
            <translation>Done, close the keyboard</translation>
        </message>
    </context>
    <context>
        <name>LanguageSwitch</name>
        <message>
            <source>Cambiar a español</source>
            <extracomment>Every switch is at least this tall (a touch target a metre away). Room beside a switch's words (its padding and border), so no layout squeezes them. (language, its own name for itself): the buttons, in the order shown.</extracomment>
            <translation>Switch to Spanish</translation>
        </message>
        <message>
            <source>Cambiar a inglés</source>
            <translation>Switch to English</translation>
        </message>
        <message>
            <source>Idioma</source>
            <translation>Language</translation>
        </message>
    </context>
    <context>
        <name>LetterKeyboard</name>
        <message>
            <source>Mayús</source>
            <extracomment>A key: taller than the 56 px a kiosk button is, wide enough for a thumb. Columns of the layout (in key widths); wide keys take one and a half or more. The accents a vowel key shows: acute (first tap of "Tilde"), then the diaeresis. The states of "Tilde", in the order its taps go through them. The letter keys by their small letter; the digit and symbol keys by their text.</extracomment>
            <translation>Shift</translation>
        </message>
        <message>
            <source>Mayúsculas</source>
            <translation>Capitals</translation>
        </message>
        <message>
            <source>Tildes</source>
            <translation>Accents</translation>
        </message>
        <message>
            <source>Espacio</source>
            <translation>Space</translation>
        </message>
        <message>
            <source>Borrar</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Borrar una letra</source>
            <translation>Delete one character</translation>
        </message>
        <message>
            <source>Listo</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Listo, cerrar el teclado</source>
            <translation>Done, close the keyboard</translation>
        </message>
        <message>
            <source>Letras</source>
            <translation>Letters</translation>
        </message>
        <message>
            <source>Números y símbolos</source>
            <translation>Numbers and symbols</translation>
        </message>
        <message>
            <source>Arroba</source>
            <translation>At sign</translation>
        </message>
        <message>
            <source>Punto</source>
            <translation>Full stop</translation>
        </message>
        <message>
            <source>Guion</source>
            <translation>Hyphen</translation>
        </message>
        <message>
            <source>Guion bajo</source>
            <translation>Underscore</translation>
        </message>
        <message>
            <source>Más</source>
            <translation>Plus</translation>
        </message>
        <message>
            <source>Coma</source>
            <translation>Comma</translation>
        </message>
        <message>
            <source>Barra</source>
            <translation>Slash</translation>
        </message>
        <message>
            <source>Abrir paréntesis</source>
            <translation>Open parenthesis</translation>
        </message>
        <message>
            <source>Cerrar paréntesis</source>
            <translation>Close parenthesis</translation>
        </message>
        <message>
            <source>Numeral</source>
            <translation>Number sign</translation>
        </message>
        <message>
            <source>Apóstrofo</source>
            <translation>Apostrophe</translation>
        </message>
        <message>
            <source>Y comercial</source>
            <translation>Ampersand</translation>
        </message>
        <message>
            <source>Dos puntos</source>
            <translation>Colon</translation>
        </message>
        <message>
            <source>Punto y coma</source>
            <translation>Semicolon</translation>
        </message>
        <message>
            <source>Cerrar exclamación</source>
            <translation>Exclamation mark</translation>
        </message>
        <message>
            <source>Cerrar interrogación</source>
            <translation>Question mark</translation>
        </message>
        <message>
            <source>Comillas</source>
            <translation>Quotation mark</translation>
        </message>
        <message>
            <source>Pesos</source>
            <translation>Peso sign</translation>
        </message>
        <message>
            <source>Por ciento</source>
            <translation>Percent</translation>
        </message>
        <message>
            <source>Asterisco</source>
            <translation>Asterisk</translation>
        </message>
    </context>
    <context>
        <name>LineInput</name>
        <message>
            <source>Número para confirmar</source>
            <extracomment>The line was ported to the operator shown (its number suggests another one).</extracomment>
            <translation>Number to confirm</translation>
        </message>
        <message>
            <source>Número de celular</source>
            <translation>Mobile number</translation>
        </message>
        <message>
            <source>Consultando el operador de la línea…</source>
            <translation>Checking the line's mobile operator…</translation>
        </message>
        <message>
            <source>Esta línea ahora es de {name}</source>
            <translation>This line now belongs to {name}</translation>
        </message>
        <message>
            <source>Operador: {name}</source>
            <translation>Operator: {name}</translation>
        </message>
    </context>
    <context>
        <name>LineScreen</name>
        <message>
            <source>Un momento: estamos consultando el operador de la línea.</source>
            <translation>One moment: we are checking the line's mobile operator.</translation>
        </message>
        <message>
            <source>Presione Enter o Continuar para consultar de nuevo.</source>
            <translation>Press Enter or Continue to check again.</translation>
        </message>
        <message>
            <source>Primero marque la autorización de datos.</source>
            <translation>First tick the data authorization.</translation>
        </message>
        <message>
            <source>Retiró la autorización y borramos el número. Márquela para escribirlo de nuevo.</source>
            <translation>You withdrew the authorization, so we erased the number. Tick it to type the number again.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Recargas y paquetes</source>
            <translation>Top-ups and packs</translation>
        </message>
        <message>
            <source>Cajero: {name}</source>
            <extracomment>The status bar's passing note (a ``Said`` follows the language). The store's float with the provider, in its own currency (hidden until known). The float's warning threshold once it went under it (None: not low).</extracomment>
            <translation>Clerk: {name}</translation>
        </message>
        <message>
            <source>Saldo bajo con el proveedor: {balance} (aviso bajo {limit})</source>
            <translation>Low balance with the provider: {balance} (warning under {limit})</translation>
        </message>
        <message>
            <source>Saldo con el proveedor: {balance}</source>
            <translation>Balance with the provider: {balance}</translation>
        </message>
    </context>
    <context>
        <name>PackCard</name>
        <message>
            <source>Precio de muestra</source>
            <extracomment>The card got the keyboard focus (the screen scrolls it into view).</extracomment>
            <translation>Sample price</translation>
        </message>
    </context>
    <context>
        <name>PackWords</name>
        <message>
            <source>Datos ilimitados</source>
            <extracomment>Providers write "unlimited" as a very large number of minutes or megabytes.</extracomment>
            <translation>Unlimited data</translation>
        </message>
        <message>
            <source>{whole},{tenths} GB</source>
            <translation>{whole}.{tenths} GB</translation>
        </message>
        <message>
            <source>Minutos ilimitados</source>
            <translation>Unlimited minutes</translation>
        </message>
        <message numerus="yes">
            <source>%n día(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
        <message>
            <source>{items} y {last}</source>
            <translation>{items} and {last}</translation>
        </message>
        <message>
            <source>Apps: {apps}</source>
            <translation>Apps included: {apps}</translation>
        </message>
        <message>
            <source>Vigencia: {days}</source>
            <translation>Valid for {days}</translation>
        </message>
    </context>
    <context>
        <name>PayerScreen</name>
        <message>
            <source>Persona jurídica (empresa)</source>
            <extracomment>The text fields of the form, in order: (key of validate_payer's errors, object name).</extracomment>
            <translation>Company</translation>
        </message>
        <message>
            <source>Persona natural</source>
            <translation>Individual</translation>
        </message>
        <message>
            <source>Cédula de ciudadanía (CC)</source>
            <translation>Citizen ID card (CC)</translation>
        </message>
        <message>
            <source>Cédula de extranjería (CE)</source>
            <translation>Foreigner ID card (CE)</translation>
        </message>
        <message>
            <source>NIT</source>
            <translation>Tax ID (NIT)</translation>
        </message>
        <message>
            <source>Tarjeta de identidad (TI)</source>
            <translation>Minor's ID card (TI)</translation>
        </message>
        <message>
            <source>Pasaporte (PP)</source>
            <translation>Passport (PP)</translation>
        </message>
        <message>
            <source>Documento de identidad extranjero (DNI)</source>
            <translation>Foreign national ID (DNI)</translation>
        </message>
        <message>
            <source>Elija el banco del pagador.</source>
            <translation>Choose the payer's bank.</translation>
        </message>
        <message>
            <source>Para continuar, el pagador debe aceptar los términos del proveedor de pagos.</source>
            <translation>To continue, the payer must accept the payment provider's terms.</translation>
        </message>
        <message>
            <source>Datos del pagador (PSE)</source>
            <translation>Payer's details (PSE)</translation>
        </message>
        <message>
            <source>Tipo de persona</source>
            <translation>Type of person</translation>
        </message>
        <message>
            <source>Tipo de documento</source>
            <translation>Type of document</translation>
        </message>
        <message>
            <source>Número de documento</source>
            <translation>Document number</translation>
        </message>
        <message>
            <source>Correo electrónico</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Celular</source>
            <translation>Mobile phone</translation>
        </message>
        <message>
            <source>Banco</source>
            <translation>Bank</translation>
        </message>
        <message>
            <source>Elija el banco…</source>
            <translation>Choose the bank…</translation>
        </message>
        <message>
            <source>nombre@correo.com</source>
            <translation>name@mail.com</translation>
        </message>
        <message>
            <source>3XX XXX XXXX</source>
            <translation>e.g. 3XX XXX XXXX</translation>
        </message>
        <message>
            <source>El &amp;pagador leyó y acepta los términos y la autorización de datos</source>
            <translation>The &amp;payer has read and accepts the terms and the data authorization</translation>
        </message>
        <message>
            <source>Crear el pago</source>
            <translation>Create the payment</translation>
        </message>
        <message>
            <source>Cargando los términos del proveedor de pagos…</source>
            <translation>Loading the payment provider's terms…</translation>
        </message>
        <message>
            <source>Antes de pagar, el pagador debe leer y aceptar los &lt;a href="{acceptance}"&gt;términos y condiciones&lt;/a&gt; y la &lt;a href="{personal_data}"&gt;autorización de tratamiento de datos personales&lt;/a&gt; del proveedor de pagos.</source>
            <translation>Before paying, the payer must read and accept the payment provider's &lt;a href="{acceptance}"&gt;terms and conditions&lt;/a&gt; and &lt;a href="{personal_data}"&gt;authorization to process personal data&lt;/a&gt;.</translation>
        </message>
        <message>
            <source>Pago por PSE de {amount}</source>
            <translation>PSE payment of {amount}</translation>
        </message>
        <message>
            <source>Razón social</source>
            <translation>Company name</translation>
        </message>
        <message>
            <source>Nombre completo</source>
            <translation>Full name</translation>
        </message>
    </context>
    <context>
        <name>PaymentScreen</name>
        <message>
            <source>Pague con su celular</source>
            <extracomment>The code's smallest side (logical px) on any screen. At the kiosk: 6 px per module for a 69-module code and its quiet zone (8 modules), with margin: the sandbox's checkout URL makes 61 modules (version 11, level M), a production one (a longer key and host) 65; tests/ui/screens/test_kiosk_qr_size.py. "Cancelar" at the kiosk: a wide target. The status line: None while waiting, a state, or a text given by the caller. The seconds left the countdown shows now (None: no countdown).</extracomment>
            <translation>Pay with your phone</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Valor: {amount}</source>
            <translation>Amount: {amount}</translation>
        </message>
        <message>
            <source>Referencia: {reference}</source>
            <translation>Reference: {reference}</translation>
        </message>
        <message>
            <source>Esperando el pago…</source>
            <translation>Waiting for the payment…</translation>
        </message>
        <message>
            <source>El código QR venció.</source>
            <translation>The QR code has expired.</translation>
        </message>
        <message>
            <source>El código vence en {time}</source>
            <translation>The code expires in {time}</translation>
        </message>
    </context>
    <context>
        <name>PinPad</name>
        <message>
            <source>Borrar</source>
            <extracomment>A key's height and width: more than the 48 px a finger needs. Room for a message of two lines under the keys. The longest PIN a field takes (the staff service decides the shortest). Digit keys as a phone lays them out; the last row holds "Borrar", 0, "Entrar".</extracomment>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Borrar un dígito</source>
            <translation>Delete one digit</translation>
        </message>
        <message>
            <source>Entrar</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>PIN</source>
            <extracomment>When the lock ends (on ``clock``), or None. The entry's own message (words, role), said again after a language change.</extracomment>
            <translation>PIN</translation>
        </message>
        <message>
            <source>Escriba el PIN.</source>
            <translation>Type the PIN.</translation>
        </message>
        <message>
            <source>Ya puede intentar de nuevo.</source>
            <translation>You can try again now.</translation>
        </message>
        <message>
            <source>Demasiados intentos. PIN bloqueado; intente de nuevo en {time}.</source>
            <translation>Too many tries. PIN locked; try again in {time}.</translation>
        </message>
    </context>
    <context>
        <name>QrView</name>
        <message>
            <source>Código QR para pagar con su celular</source>
            <extracomment>Scanners need at least about 2 device pixels per module. Comfortable size on a counter screen. A checkout URL of ~230 characters makes a 61-module code (version 11, level M); sizing the empty view like it keeps the screen from jumping when the QR arrives. The caller's placeholder; None shows the default one, in the current language.</extracomment>
            <translation>QR code to pay with your phone</translation>
        </message>
        <message>
            <source>El código QR para pagar aparecerá aquí en un momento.</source>
            <translation>The QR code to pay will appear here in a moment.</translation>
        </message>
        <message>
            <source>Escanee este código con la cámara de su celular para pagar.</source>
            <translation>Scan this code with your phone's camera to pay.</translation>
        </message>
    </context>
    <context>
        <name>ReceiptView</name>
        <message>
            <source>Comprobante de pago, no es factura.</source>
            <translation>Payment receipt, not an invoice.</translation>
        </message>
        <message>
            <source>Comprobante de pago</source>
            <translation>Payment receipt</translation>
        </message>
        <message>
            <source>COPIA</source>
            <translation>COPY</translation>
        </message>
        <message>
            <source>Fecha</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Referencia</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Transacción PSE</source>
            <translation>PSE transaction</translation>
        </message>
        <message>
            <source>CUS</source>
            <translation>CUS (tracking)</translation>
        </message>
        <message>
            <source>Transacción paquete</source>
            <translation>Pack transaction</translation>
        </message>
        <message>
            <source>Transacción recarga</source>
            <translation>Top-up transaction</translation>
        </message>
        <message>
            <source>Línea</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>Venta</source>
            <translation>Sale</translation>
        </message>
        <message>
            <source>Operador</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Paquete</source>
            <translation>Pack</translation>
        </message>
        <message>
            <source>Valor</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>La línea recibió</source>
            <translation>The line received</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Motivo</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Atendió</source>
            <translation>Served by</translation>
        </message>
        <message>
            <source>Verificación</source>
            <translation>Verification</translation>
        </message>
        <message>
            <source>Reclamos</source>
            <translation>Claims</translation>
        </message>
        <message>
            <source>NIT {nit}</source>
            <translation>Tax ID (NIT) {nit}</translation>
        </message>
    </context>
    <context>
        <name>ReportChart</name>
        <message>
            <source>Ventas entregadas por hora (hora de Bogotá)</source>
            <translation>Delivered sales by hour (Bogotá time)</translation>
        </message>
        <message>
            <source>Ventas por operador</source>
            <translation>Sales by operator</translation>
        </message>
        <message>
            <source>(sin operador)</source>
            <translation>(no operator)</translation>
        </message>
        <message numerus="yes">
            <source>%n venta(s)</source>
            <translation>
                <numerusform>%n sale</numerusform>
                <numerusform>%n sales</numerusform>
            </translation>
        </message>
        <message>
            <source>{sales} · {amount}</source>
            <translation>{sales} · {amount}</translation>
        </message>
        <message>
            <source>Sin ventas entregadas</source>
            <translation>No delivered sales</translation>
        </message>
    </context>
    <context>
        <name>ReportScreen</name>
        <message>
            <source>El informe X muestra el turno sin cerrarlo. «Cerrar turno» hace el informe Z.</source>
            <extracomment>"Cerrar turno" pressed on a Z: the question waits for the new X report. Use Qt's own file dialog (not the platform's): tests and kiosks drive it.</extracomment>
            <translation>The X report shows the shift without closing it. “Close shift” makes the Z report.</translation>
        </message>
        <message>
            <source>Informe del turno</source>
            <translation>Shift report</translation>
        </message>
        <message>
            <source>Ventas por hora y por operador</source>
            <translation>Sales by hour and by operator</translation>
        </message>
        <message>
            <source>Referencia</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Línea</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>Valor</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Ver y resolver</source>
            <translation>Open and settle</translation>
        </message>
        <message>
            <source>Actualizar</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>Imprimir</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>Guardar PDF</source>
            <translation>Save PDF</translation>
        </message>
        <message>
            <source>Cerrar turno</source>
            <translation>Close shift</translation>
        </message>
        <message>
            <source>No hay ventas desde el último cierre; ¿cerrar de todos modos?</source>
            <translation>There are no sales since the last close. Close anyway?</translation>
        </message>
        <message>
            <source>Informe Z: turno cerrado</source>
            <translation>Z report: shift closed</translation>
        </message>
        <message>
            <source>Informe X del turno</source>
            <translation>Shift X report</translation>
        </message>
        <message numerus="yes">
            <source>%n venta(s) por revisar</source>
            <translation>
                <numerusform>%n sale to follow up</numerusform>
                <numerusform>%n sales to follow up</numerusform>
            </translation>
        </message>
        <message>
            <source>No hay ventas por revisar.</source>
            <translation>No sales to follow up.</translation>
        </message>
        <message>
            <source>Esto cierra el turno: se hace el informe Z, queda guardado en el diario y el próximo turno empieza en cero. ¿Cerrar el turno ahora?</source>
            <translation>This closes the shift: the Z report is made and kept in the journal, and the next shift starts from zero. Close the shift now?</translation>
        </message>
        <message>
            <source>Sí, cerrar turno</source>
            <translation>Yes, close the shift</translation>
        </message>
        <message>
            <source>No, volver</source>
            <translation>No, go back</translation>
        </message>
        <message>
            <source>Guardar el informe en PDF</source>
            <translation>Save the report as PDF</translation>
        </message>
        <message>
            <source>Documentos PDF (*.pdf)</source>
            <translation>PDF documents (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>ResultScreen</name>
        <message>
            <source>Compra</source>
            <extracomment>"Nueva venta" at the kiosk: a wide target. The state whose words show (``showOutcome``), or None for texts given as they are. A print job of this screen's receipt is on its way / the last one failed. The receipt shown went to paper once: printing it again prints a copy. At the kiosk, the receipt shown will not come out on paper (the printer failed). The next steps shown tell the customer to photograph the screen.</extracomment>
            <translation>Purchase</translation>
        </message>
        <message>
            <source>Línea</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>Valor</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Operador</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Paquete</source>
            <translation>Pack</translation>
        </message>
        <message>
            <source>Referencia</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Verificación</source>
            <translation>Verification</translation>
        </message>
        <message>
            <source>Resultado</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Intentar de nuevo</source>
            <translation>Try again</translation>
        </message>
        <message>
            <source>Nueva venta</source>
            <translation>New sale</translation>
        </message>
        <message>
            <source>Guardar PDF</source>
            <translation>Save PDF</translation>
        </message>
        <message>
            <source>Reintentar</source>
            <translation>Retry</translation>
        </message>
        <message>
            <source>Imprimir copia</source>
            <translation>Print a copy</translation>
        </message>
        <message>
            <source>Imprimir</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>Imprimiendo el comprobante…</source>
            <translation>Printing the receipt…</translation>
        </message>
        <message>
            <source>Comprobante impreso.</source>
            <translation>Receipt printed.</translation>
        </message>
        <message>
            <source>La venta quedó registrada y el comprobante sigue en pantalla. Cuando la impresora esté lista, oprima «Reintentar».</source>
            <translation>The sale is recorded and the receipt stays on screen. When the printer is ready, press “Retry”.</translation>
        </message>
        <message>
            <source>La venta quedó registrada y el comprobante sigue en pantalla; puede guardarlo en PDF.</source>
            <translation>The sale is recorded and the receipt stays on screen; you can save it as PDF.</translation>
        </message>
        <message>
            <source>La venta quedó registrada y el comprobante sigue en pantalla.</source>
            <translation>The sale is recorded and the receipt stays on screen.</translation>
        </message>
        <message>
            <source>Guardar el comprobante en PDF</source>
            <translation>Save the receipt as PDF</translation>
        </message>
        <message>
            <source>Documentos PDF (*.pdf)</source>
            <translation>PDF documents (*.pdf)</translation>
        </message>
        <message>
            <source>PDF guardado en {path}</source>
            <translation>PDF saved to {path}</translation>
        </message>
        <message>
            <source>No se pudo guardar el PDF en {path}: {reason}.</source>
            <translation>Could not save the PDF to {path}: {reason}.</translation>
        </message>
    </context>
    <context>
        <name>SaleDetailScreen</name>
        <message>
            <source>Fecha y hora</source>
            <extracomment>The summary's rows (keys name their labels: ``saleDetail&lt;Key&gt;Value``).
----------
The steps' columns: when, the state reached (it says what happened), who, a note. Who the journal says wrote the entries no clerk wrote.</extracomment>
            <translation>Date and time</translation>
        </message>
        <message>
            <source>Referencia</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Venta</source>
            <translation>Sale</translation>
        </message>
        <message>
            <source>Operador</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Línea</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>Valor</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Ganancia</source>
            <translation>Earned</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Cajero</source>
            <translation>Clerk</translation>
        </message>
        <message>
            <source>Quién</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>Nota</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Esta caja</source>
            <translation>This till</translation>
        </message>
        <message>
            <source>Seguimiento automático</source>
            <translation>Automatic follow-up</translation>
        </message>
        <message>
            <source>Línea de comandos</source>
            <translation>Command line</translation>
        </message>
        <message>
            <source>Copia del comprobante</source>
            <translation>Receipt copy</translation>
        </message>
        <message>
            <source>Detalle de la venta</source>
            <translation>Sale details</translation>
        </message>
        <message>
            <source>Cada paso de la venta, como lo guarda el diario.</source>
            <translation>Every step of the sale, as the journal keeps it.</translation>
        </message>
        <message>
            <source>Pasos de la venta</source>
            <translation>Steps of the sale</translation>
        </message>
        <message>
            <source>Cómo se resolvió</source>
            <translation>How it was settled</translation>
        </message>
        <message>
            <source>Ej.: se devolvió el dinero en efectivo</source>
            <translation>E.g. the money was given back in cash</translation>
        </message>
        <message>
            <source>Registrar solución</source>
            <translation>Record settlement</translation>
        </message>
        <message>
            <source>Reimprimir (copia)</source>
            <translation>Reprint (copy)</translation>
        </message>
        <message>
            <source>Cómo se resolvió: {how}</source>
            <translation>How it was settled: {how}</translation>
        </message>
    </context>
    <context>
        <name>SaleWords</name>
        <message>
            <source>Paquete de regalo</source>
            <translation>Gift pack</translation>
        </message>
        <message>
            <source>Recarga</source>
            <translation>Top-up</translation>
        </message>
        <message>
            <source>Pagar con QR en su celular (PSE)</source>
            <translation>Pay by QR on your phone (PSE)</translation>
        </message>
        <message>
            <source>PSE asistido (el cajero digita los datos)</source>
            <translation>Assisted PSE (the clerk types the details)</translation>
        </message>
        <message>
            <source>El cliente escanea el código y escribe sus datos de PSE en su celular.</source>
            <translation>The customer scans the code and types their PSE details on their phone.</translation>
        </message>
        <message>
            <source>Usted digita los datos del pagador aquí; el cliente solo autoriza el pago en su banco desde el celular.</source>
            <translation>You type the payer's details here; the customer only approves the payment in their bank on their phone.</translation>
        </message>
        <message>
            <source>Escanee el código con la cámara de su celular y pague en su banco. El código abre la página de su banco para autorizar el pago.</source>
            <translation>Scan the code with your phone's camera and pay in your bank. The code opens your bank's page to approve the payment.</translation>
        </message>
        <message>
            <source>Sin pagar</source>
            <translation>Not paid</translation>
        </message>
        <message>
            <source>Pago en verificación</source>
            <translation>Payment being checked</translation>
        </message>
        <message>
            <source>Pago pendiente en el banco</source>
            <translation>Payment pending at the bank</translation>
        </message>
        <message>
            <source>Intento de pago no aprobado</source>
            <translation>Payment attempt not approved</translation>
        </message>
        <message>
            <source>Cancelada en pantalla; pago en verificación</source>
            <translation>Cancelled on screen; payment being checked</translation>
        </message>
        <message>
            <source>Código vencido; pago en verificación</source>
            <translation>Code expired; payment being checked</translation>
        </message>
        <message>
            <source>Pagada; entrega en proceso</source>
            <translation>Paid; delivery in progress</translation>
        </message>
        <message>
            <source>Pagada; entrega en verificación</source>
            <translation>Paid; delivery being checked</translation>
        </message>
        <message>
            <source>Pagada, no entregada: reclamar devolución</source>
            <translation>Paid, not delivered: claim a refund</translation>
        </message>
        <message>
            <source>Pagada y entregada</source>
            <translation>Paid and delivered</translation>
        </message>
        <message>
            <source>Resuelta por la tienda</source>
            <translation>Resolved by the store</translation>
        </message>
        <message>
            <source>Pago rechazado por el banco</source>
            <translation>Payment declined by the bank</translation>
        </message>
        <message>
            <source>Error del banco; sin cobro</source>
            <translation>Bank error; no charge</translation>
        </message>
        <message>
            <source>Pago no iniciado; sin cobro</source>
            <translation>Payment not started; no charge</translation>
        </message>
        <message>
            <source>Cancelada; sin cobro</source>
            <translation>Cancelled; no charge</translation>
        </message>
        <message>
            <source>Vencida; sin cobro</source>
            <translation>Expired; no charge</translation>
        </message>
        <message>
            <source>{reason} El proveedor dijo: «{said}»</source>
            <translation>{reason} The provider said: “{said}”</translation>
        </message>
        <message>
            <source>El operador no pudo hacer la recarga.</source>
            <translation>The operator could not make the top-up.</translation>
        </message>
        <message>
            <source>El operador devolvió la recarga al proveedor.</source>
            <translation>The operator gave the top-up back to the provider.</translation>
        </message>
        <message>
            <source>La línea guardada no coincide con la de la venta; no se envió nada.</source>
            <translation>The stored line does not match the sale's; nothing was sent.</translation>
        </message>
        <message>
            <source>El banco aprobó un valor distinto.</source>
            <translation>The bank approved a different amount.</translation>
        </message>
        <message>
            <source>La línea de la venta ya no está guardada.</source>
            <translation>The sale's line is no longer stored.</translation>
        </message>
        <message>
            <source>El proveedor de recargas no la aceptó.</source>
            <translation>The top-up provider did not accept it.</translation>
        </message>
        <message>
            <source>Escanee el código con la cámara de su celular: se abre la página de pago PSE. Allí elige su banco y escribe sus datos de PSE.</source>
            <translation>Scan the code with your phone's camera: it opens the PSE payment page. There you choose your bank and enter your PSE details.</translation>
        </message>
        <message>
            <source>Recarga hecha</source>
            <translation>Top-up done</translation>
        </message>
        <message>
            <source>El saldo ya quedó en la línea. Guarde este comprobante. Para otra venta oprima «Nueva venta».</source>
            <translation>The balance is now on the line. Keep this receipt. For another sale, press “New sale”.</translation>
        </message>
        <message>
            <source>El banco aún no confirma el pago. Lo seguimos revisando y, si el banco lo aprueba, la recarga se hace sin que usted vuelva. Guarde este comprobante: con la referencia puede preguntar en la tienda cómo va su pago.</source>
            <translation>The bank has not confirmed the payment yet. We keep checking and, if the bank approves it, the top-up goes through without you coming back. Keep this receipt: with its reference you can ask at the store how your payment is going.</translation>
        </message>
        <message>
            <source>Pago cancelado en pantalla</source>
            <translation>Payment cancelled on screen</translation>
        </message>
        <message>
            <source>Si usted ya autorizó el pago en su banco, no se preocupe: lo seguimos revisando y, si el banco lo aprueba, la recarga se hace sin que usted vuelva. Guarde este comprobante: con la referencia puede preguntar en la tienda cómo va su pago.</source>
            <translation>If you already approved the payment in your bank, don't worry: we keep checking and, if the bank approves it, the top-up goes through without you coming back. Keep this receipt: with its reference you can ask at the store how your payment is going.</translation>
        </message>
        <message>
            <source>Se acabó el tiempo del código QR</source>
            <translation>The QR code's time ran out</translation>
        </message>
        <message>
            <source>Si usted alcanzó a pagar en su banco, lo seguimos revisando y, si el banco lo aprueba, la recarga se hace sin que usted vuelva. Si no pagó, empiece una nueva venta. Guarde este comprobante: con la referencia puede preguntar en la tienda cómo va su pago.</source>
            <translation>If you managed to pay in your bank, we keep checking and, if the bank approves it, the top-up goes through without you coming back. If you did not pay, start a new sale. Keep this receipt: with its reference you can ask at the store how your payment is going.</translation>
        </message>
        <message>
            <source>Pago recibido: la recarga está en proceso</source>
            <translation>Payment received: the top-up is on its way</translation>
        </message>
        <message>
            <source>El pago quedó aprobado y la recarga se está haciendo en la línea. Si no llega en unos minutos, pregunte en la tienda con la referencia de este comprobante.</source>
            <translation>The payment was approved and the top-up is being made on the line. If it does not arrive in a few minutes, ask at the store with this receipt's reference.</translation>
        </message>
        <message>
            <source>Pago recibido, pero no se pudo hacer la recarga</source>
            <translation>Payment received, but the top-up could not be made</translation>
        </message>
        <message>
            <source>Su pago quedó aprobado, pero no se pudo hacer la recarga en la línea. Guarde este comprobante: con la referencia puede reclamar en la tienda la devolución de su dinero.</source>
            <translation>Your payment was approved, but the top-up could not be made on the line. Keep this receipt: with its reference you can claim your money back at the store.</translation>
        </message>
        <message>
            <source>El tiempo para pagar terminó</source>
            <translation>The time to pay is over</translation>
        </message>
        <message>
            <source>No se hizo ningún cobro. Si todavía quiere la recarga, empiece una nueva venta.</source>
            <translation>Nothing was charged. If you still want the top-up, start a new sale.</translation>
        </message>
        <message>
            <source>Paquete activado</source>
            <translation>Pack activated</translation>
        </message>
        <message>
            <source>El paquete ya quedó activo en la línea y le llega un mensaje de texto. Guarde este comprobante. Para otra venta oprima «Nueva venta».</source>
            <translation>The pack is now active on the line and a text message is on its way. Keep this receipt. For another sale, press “New sale”.</translation>
        </message>
        <message>
            <source>El banco aún no confirma el pago. Lo seguimos revisando y, si el banco lo aprueba, el paquete se activa sin que usted vuelva. Guarde este comprobante: con la referencia puede preguntar en la tienda cómo va su pago.</source>
            <translation>The bank has not confirmed the payment yet. We keep checking and, if the bank approves it, the pack is activated without you coming back. Keep this receipt: with its reference you can ask at the store how your payment is going.</translation>
        </message>
        <message>
            <source>Si usted ya autorizó el pago en su banco, no se preocupe: lo seguimos revisando y, si el banco lo aprueba, el paquete se activa sin que usted vuelva. Guarde este comprobante: con la referencia puede preguntar en la tienda cómo va su pago.</source>
            <translation>If you already approved the payment in your bank, don't worry: we keep checking and, if the bank approves it, the pack is activated without you coming back. Keep this receipt: with its reference you can ask at the store how your payment is going.</translation>
        </message>
        <message>
            <source>Si usted alcanzó a pagar en su banco, lo seguimos revisando y, si el banco lo aprueba, el paquete se activa sin que usted vuelva. Si no pagó, empiece una nueva venta. Guarde este comprobante: con la referencia puede preguntar en la tienda cómo va su pago.</source>
            <translation>If you managed to pay in your bank, we keep checking and, if the bank approves it, the pack is activated without you coming back. If you did not pay, start a new sale. Keep this receipt: with its reference you can ask at the store how your payment is going.</translation>
        </message>
        <message>
            <source>Pago recibido: el paquete está en proceso</source>
            <translation>Payment received: the pack is on its way</translation>
        </message>
        <message>
            <source>El pago quedó aprobado y el paquete se está activando en la línea. Si no llega en unos minutos, pregunte en la tienda con la referencia de este comprobante.</source>
            <translation>The payment was approved and the pack is being activated on the line. If it does not arrive in a few minutes, ask at the store with this receipt's reference.</translation>
        </message>
        <message>
            <source>Pago recibido, pero no se pudo activar el paquete</source>
            <translation>Payment received, but the pack could not be activated</translation>
        </message>
        <message>
            <source>Su pago quedó aprobado, pero no se pudo activar el paquete en la línea. Guarde este comprobante: con la referencia puede reclamar en la tienda la devolución de su dinero.</source>
            <translation>Your payment was approved, but the pack could not be activated on the line. Keep this receipt: with its reference you can claim your money back at the store.</translation>
        </message>
        <message>
            <source>No se hizo ningún cobro. Si todavía quiere el paquete, empiece una nueva venta.</source>
            <translation>Nothing was charged. If you still want the pack, start a new sale.</translation>
        </message>
        <message>
            <source>Pago rechazado</source>
            <translation>Payment declined</translation>
        </message>
        <message>
            <source>El banco rechazó el pago y no se hizo ningún cobro. Puede intentar de nuevo con otra cuenta o banco, o pagar de otra forma.</source>
            <translation>The bank declined the payment and nothing was charged. You can try again with another account or bank, or pay another way.</translation>
        </message>
        <message>
            <source>No se pudo hacer el pago</source>
            <translation>The payment could not be made</translation>
        </message>
        <message>
            <source>El banco tuvo un error y no se hizo ningún cobro. Intente de nuevo en unos minutos o con otro banco.</source>
            <translation>The bank had an error and nothing was charged. Try again in a few minutes or with another bank.</translation>
        </message>
        <message>
            <source>El pago no fue aprobado</source>
            <translation>The payment was not approved</translation>
        </message>
        <message>
            <source>Este intento de pago no se aprobó y no se hizo ningún cobro. Puede intentar de nuevo o empezar una nueva venta.</source>
            <translation>This payment attempt was not approved and nothing was charged. You can try again or start a new sale.</translation>
        </message>
        <message>
            <source>Venta resuelta por la tienda</source>
            <translation>Sale resolved by the store</translation>
        </message>
        <message>
            <source>La tienda ya resolvió este pago con el cliente. No hay nada más que hacer.</source>
            <translation>The store has already resolved this payment with the customer. There is nothing more to do.</translation>
        </message>
        <message>
            <source>Venta cancelada</source>
            <translation>Sale cancelled</translation>
        </message>
        <message>
            <source>No se hizo ningún cobro. Para otra venta oprima «Nueva venta».</source>
            <translation>Nothing was charged. For another sale, press “New sale”.</translation>
        </message>
        <message>
            <source>No se pudo iniciar el pago</source>
            <translation>The payment could not be started</translation>
        </message>
        <message>
            <source>El pago no alcanzó a crearse y no se hizo ningún cobro. Intente de nuevo en un momento.</source>
            <translation>The payment was not created and nothing was charged. Try again in a moment.</translation>
        </message>
        <message>
            <source>La venta no se pagó</source>
            <translation>The sale was not paid</translation>
        </message>
        <message>
            <source>Su banco no aprobó el pago. Puede intentarlo de nuevo en su celular con el mismo código.</source>
            <translation>Your bank did not approve the payment. You can try again on your phone with the same code.</translation>
        </message>
        <message>
            <source>Creando el pago en PSE…</source>
            <translation>Creating the payment in PSE…</translation>
        </message>
        <message>
            <source>Confirmando con la pasarela si el pago quedó creado…</source>
            <translation>Checking with the payment gateway whether the payment was created…</translation>
        </message>
        <message>
            <source>Esperando la confirmación de su banco…</source>
            <translation>Waiting for your bank to confirm…</translation>
        </message>
        <message>
            <source>Pago aprobado. El paquete se está activando…</source>
            <translation>Payment approved. The pack is being activated…</translation>
        </message>
        <message>
            <source>Pago aprobado. La recarga se está haciendo…</source>
            <translation>Payment approved. The top-up is being made…</translation>
        </message>
        <message>
            <source>Pago aprobado. Confirmando con el operador…</source>
            <translation>Payment approved. Checking with the operator…</translation>
        </message>
        <message>
            <source>Tome una foto de esta pantalla para reclamar.</source>
            <translation>Take a photo of this screen to make a claim.</translation>
        </message>
        <message>
            <source>Para reclamar, comuníquese con la tienda ({contact}) y dé la referencia y el código de verificación.</source>
            <translation>To make a claim, contact the store ({contact}) and give the reference and the verification code.</translation>
        </message>
        <message>
            <source>Para reclamar, pregunte en la tienda y dé la referencia y el código de verificación.</source>
            <translation>To make a claim, ask at the store and give the reference and the verification code.</translation>
        </message>
        <message>
            <source>La impresora no tiene papel. Su venta quedó registrada: pida una copia en la tienda con la referencia {reference}.</source>
            <extracomment>A printer failure that a kiosk does not mention: none is set up, so none was expected.</extracomment>
            <translation>The printer is out of paper. Your sale is recorded: ask the store for a copy with the reference {reference}.</translation>
        </message>
        <message>
            <source>La impresora no está disponible. Su venta quedó registrada: pida una copia en la tienda con la referencia {reference}.</source>
            <translation>The printer is not available. Your sale is recorded: ask the store for a copy with the reference {reference}.</translation>
        </message>
        <message>
            <source>El saldo ya quedó en la línea.</source>
            <translation>The balance is now on the line.</translation>
        </message>
        <message>
            <source>El banco aún no confirma el pago. Lo seguimos revisando y, si el banco lo aprueba, la recarga se hace sin que usted vuelva.</source>
            <translation>The bank has not confirmed the payment yet. We keep checking and, if the bank approves it, the top-up goes through without you coming back.</translation>
        </message>
        <message>
            <source>Si usted ya autorizó el pago en su banco, no se preocupe: lo seguimos revisando y, si el banco lo aprueba, la recarga se hace sin que usted vuelva.</source>
            <translation>If you already approved the payment in your bank, don't worry: we keep checking and, if the bank approves it, the top-up goes through without you coming back.</translation>
        </message>
        <message>
            <source>Si usted alcanzó a pagar en su banco, lo seguimos revisando y, si el banco lo aprueba, la recarga se hace sin que usted vuelva. Si no pagó, empiece una nueva venta.</source>
            <translation>If you managed to pay in your bank, we keep checking and, if the bank approves it, the top-up goes through without you coming back. If you did not pay, start a new sale.</translation>
        </message>
        <message>
            <source>El pago quedó aprobado y la recarga se está haciendo en la línea.</source>
            <translation>The payment was approved and the top-up is being made on the line.</translation>
        </message>
        <message>
            <source>Su pago quedó aprobado, pero no se pudo hacer la recarga en la línea.</source>
            <translation>Your payment was approved, but the top-up could not be made on the line.</translation>
        </message>
        <message>
            <source>El paquete ya quedó activo en la línea y le llega un mensaje de texto.</source>
            <translation>The pack is now active on the line and a text message is on its way.</translation>
        </message>
        <message>
            <source>El banco aún no confirma el pago. Lo seguimos revisando y, si el banco lo aprueba, el paquete se activa sin que usted vuelva.</source>
            <translation>The bank has not confirmed the payment yet. We keep checking and, if the bank approves it, the pack is activated without you coming back.</translation>
        </message>
        <message>
            <source>Si usted ya autorizó el pago en su banco, no se preocupe: lo seguimos revisando y, si el banco lo aprueba, el paquete se activa sin que usted vuelva.</source>
            <translation>If you already approved the payment in your bank, don't worry: we keep checking and, if the bank approves it, the pack is activated without you coming back.</translation>
        </message>
        <message>
            <source>Si usted alcanzó a pagar en su banco, lo seguimos revisando y, si el banco lo aprueba, el paquete se activa sin que usted vuelva. Si no pagó, empiece una nueva venta.</source>
            <translation>If you managed to pay in your bank, we keep checking and, if the bank approves it, the pack is activated without you coming back. If you did not pay, start a new sale.</translation>
        </message>
        <message>
            <source>El pago quedó aprobado y el paquete se está activando en la línea.</source>
            <translation>The payment was approved and the pack is being activated on the line.</translation>
        </message>
        <message>
            <source>Su pago quedó aprobado, pero no se pudo activar el paquete en la línea.</source>
            <translation>Your payment was approved, but the pack could not be activated on the line.</translation>
        </message>
        <message>
            <source>Guarde el comprobante impreso. Para otra venta oprima «Nueva venta».</source>
            <translation>Keep the printed receipt. For another sale, press “New sale”.</translation>
        </message>
        <message>
            <source>Si quiere una constancia, tome una foto de esta pantalla. Para otra venta oprima «Nueva venta».</source>
            <translation>If you want proof, take a photo of this screen. For another sale, press “New sale”.</translation>
        </message>
        <message>
            <source>Guarde el comprobante impreso: con la referencia puede preguntar en la tienda cómo va su pago.</source>
            <translation>Keep the printed receipt: with its reference you can ask at the store how your payment is going.</translation>
        </message>
        <message>
            <source>Tome una foto de esta pantalla: con la referencia puede preguntar en la tienda cómo va su pago.</source>
            <translation>Take a photo of this screen: with the reference you can ask at the store how your payment is going.</translation>
        </message>
        <message>
            <source>Si no llega en unos minutos, pregunte en la tienda con la referencia del comprobante impreso.</source>
            <translation>If it does not arrive in a few minutes, ask at the store with the printed receipt's reference.</translation>
        </message>
        <message>
            <source>Tome una foto de esta pantalla. Si no llega en unos minutos, pregunte en la tienda con la referencia.</source>
            <translation>Take a photo of this screen. If it does not arrive in a few minutes, ask at the store with the reference.</translation>
        </message>
        <message>
            <source>Guarde el comprobante impreso para reclamar en la tienda la devolución de su dinero.</source>
            <translation>Keep the printed receipt to claim your money back at the store.</translation>
        </message>
        <message>
            <source>Tome una foto de esta pantalla para reclamar en la tienda la devolución de su dinero.</source>
            <translation>Take a photo of this screen to claim your money back at the store.</translation>
        </message>
        <message>
            <source>El banco rechazó el pago y no se hizo ningún cobro. Para pagar con otra cuenta o banco, oprima «Nueva venta».</source>
            <translation>The bank declined the payment and nothing was charged. To pay with another account or bank, press “New sale”.</translation>
        </message>
    </context>
    <context>
        <name>SalesModel</name>
        <message>
            <source>Fecha y hora</source>
            <extracomment>The columns, in order (their keys name them for tests). The role that hands over the sale's reference (any column). The role that hands over the sale itself.</extracomment>
            <translation>Date and time</translation>
        </message>
        <message>
            <source>Referencia</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Venta</source>
            <translation>Sale</translation>
        </message>
        <message>
            <source>Operador</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Línea</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>Valor</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Ganancia</source>
            <translation>Earned</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Cajero</source>
            <translation>Clerk</translation>
        </message>
    </context>
    <context>
        <name>SandboxBanner</name>
        <message>
            <source>SANDBOX — pagos de prueba, no se cobra dinero real</source>
            <translation>SANDBOX — test payments, no real money is charged</translation>
        </message>
    </context>
    <context>
        <name>Screen</name>
        <message>
            <source>Volver</source>
            <extracomment>Object-name prefix of the screen's widgets; subclasses set it. The orientation last laid out (None: not laid out yet). The continue button made with the base's own words ("Continuar"), if any. The screen-wide message when it is in the screen's own words: (words, role). Subclasses add their widgets here.</extracomment>
            <translation>Back</translation>
        </message>
        <message>
            <source>Continuar</source>
            <translation>Continue</translation>
        </message>
    </context>
    <context>
        <name>SettingsFields</name>
        <message>
            <source>Razón social</source>
            <extracomment>The translation context of the fields' labels. Paper widths a receipt printer may have, in millimetres. Spanish source of the field's label, in the :data:`LABELS` context. A change takes effect at once (else at the next start of the app). Text that may not be left empty. For counts, amounts and pesos: the smallest and largest allowed (``None``: no largest). For texts: the most characters allowed. Every setting, in the order a form shows them.</extracomment>
            <translation>Business name</translation>
        </message>
        <message>
            <source>NIT</source>
            <translation>NIT (tax number)</translation>
        </message>
        <message>
            <source>Nombre de la tienda</source>
            <translation>Store name</translation>
        </message>
        <message>
            <source>Nombre de la caja</source>
            <translation>Till name</translation>
        </message>
        <message>
            <source>Contacto para reclamos</source>
            <translation>Contact for claims</translation>
        </message>
        <message>
            <source>Aviso de privacidad</source>
            <translation>Privacy notice</translation>
        </message>
        <message>
            <source>Aviso de privacidad en inglés</source>
            <translation>Privacy notice in English</translation>
        </message>
        <message>
            <source>Impresora</source>
            <translation>Printer</translation>
        </message>
        <message>
            <source>Ancho del papel (mm)</source>
            <translation>Paper width (mm)</translation>
        </message>
        <message>
            <source>Idioma</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Avisar cuando el saldo con el proveedor (en la moneda de esa cuenta) baje de</source>
            <translation>Warn when the balance with the provider (in that account's currency) falls below</translation>
        </message>
        <message>
            <source>Segundos sin uso antes de volver al inicio</source>
            <translation>Idle seconds before going back to the start</translation>
        </message>
        <message>
            <source>Operadores que se venden</source>
            <translation>Operators sold</translation>
        </message>
        <message>
            <source>Recarga mínima</source>
            <translation>Minimum top-up</translation>
        </message>
        <message>
            <source>Recarga máxima</source>
            <translation>Maximum top-up</translation>
        </message>
        <message>
            <source>Montos sugeridos</source>
            <translation>Suggested amounts</translation>
        </message>
        <message>
            <source>Ventas por línea al día (máximo)</source>
            <translation>Sales per line per day (maximum)</translation>
        </message>
        <message>
            <source>Pesos por línea al día (máximo)</source>
            <translation>Pesos per line per day (maximum)</translation>
        </message>
        <message>
            <source>Ventas de esta caja por hora (máximo)</source>
            <translation>Sales by this till per hour (maximum)</translation>
        </message>
        <message>
            <source>Pesos de esta caja por hora (máximo)</source>
            <translation>Pesos by this till per hour (maximum)</translation>
        </message>
        <message>
            <source>Días que se guardan las líneas completas</source>
            <translation>Days full lines are kept</translation>
        </message>
        <message>
            <source>Dirección de la pasarela PSE</source>
            <translation>PSE gateway address</translation>
        </message>
        <message>
            <source>Dirección del pago con QR</source>
            <translation>QR payment address</translation>
        </message>
        <message>
            <source>Llave pública de la pasarela</source>
            <translation>Gateway public key</translation>
        </message>
        <message>
            <source>Llave privada de la pasarela</source>
            <translation>Gateway private key</translation>
        </message>
        <message>
            <source>Secreto de integridad</source>
            <translation>Integrity secret</translation>
        </message>
        <message>
            <source>Secreto de eventos</source>
            <translation>Events secret</translation>
        </message>
        <message>
            <source>Dirección del proveedor de recargas</source>
            <translation>Top-up provider address</translation>
        </message>
        <message>
            <source>Dirección de acceso del proveedor</source>
            <translation>Provider sign-in address</translation>
        </message>
        <message>
            <source>Audiencia del proveedor</source>
            <translation>Provider audience</translation>
        </message>
        <message>
            <source>Identificador de cliente del proveedor</source>
            <translation>Provider client id</translation>
        </message>
        <message>
            <source>Secreto de cliente del proveedor</source>
            <translation>Provider client secret</translation>
        </message>
        <message>
            <source>Dirección del servicio de saldo</source>
            <translation>Balance service address</translation>
        </message>
        <message>
            <source>Llave del servicio de saldo</source>
            <translation>Balance service key</translation>
        </message>
    </context>
    <context>
        <name>SettingsScreen</name>
        <message>
            <source>Negocio</source>
            <extracomment>The form's groups, in order, and which settings each holds (by name).</extracomment>
            <translation>Business</translation>
        </message>
        <message>
            <source>Pagos y recargas</source>
            <translation>Payments and top-ups</translation>
        </message>
        <message>
            <source>Impresora</source>
            <translation>Printer</translation>
        </message>
        <message>
            <source>Límites</source>
            <translation>Limits</translation>
        </message>
        <message>
            <source>Personal</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>Español (Colombia)</source>
            <translation>Spanish (Colombia)</translation>
        </message>
        <message>
            <source>Inglés</source>
            <translation>English</translation>
        </message>
        <message>
            <source>Vacío: sin impresora. p. ej. 192.168.1.50:9100 o usb:04b8:0e15</source>
            <translation>Empty: no printer. E.g. 192.168.1.50:9100 or usb:04b8:0e15</translation>
        </message>
        <message>
            <source>Vacío: el sandbox. p. ej. https://…</source>
            <translation>Empty: the sandbox. E.g. https://…</translation>
        </message>
        <message>
            <source>p. ej. 2000, 5000, 10000</source>
            <translation>e.g. 2000, 5000, 10000</translation>
        </message>
        <message>
            <source>Vacío: todos. Uno o varios de: {brands}</source>
            <translation>Empty: all of them. One or more of: {brands}</translation>
        </message>
        <message>
            <source>En la moneda de la cuenta, p. ej. 500.000</source>
            <translation>In the account's currency, e.g. 500000</translation>
        </message>
        <message>
            <source>Configurada</source>
            <translation>Set</translation>
        </message>
        <message>
            <source>Sin configurar</source>
            <translation>Not set</translation>
        </message>
        <message>
            <source>Escriba para reemplazar</source>
            <translation>Type to replace</translation>
        </message>
        <message>
            <source>Ajustes</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Los cambios se guardan al pulsar «Guardar». Las llaves nunca se muestran.</source>
            <translation>Changes are saved when you press “Save”. Keys are never shown.</translation>
        </message>
        <message>
            <source>Guardar</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Nuevo PIN</source>
            <translation>New PIN</translation>
        </message>
        <message>
            <source>Cambiar PIN</source>
            <translation>Change PIN</translation>
        </message>
        <message>
            <source>Quitar</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Agregar una persona:</source>
            <translation>Add a person:</translation>
        </message>
        <message>
            <source>Nombre</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>Administrador</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>Agregar</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>No se guardó nada: corrija los campos marcados.</source>
            <translation>Nothing was saved: correct the marked fields.</translation>
        </message>
        <message>
            <source>Ajustes guardados.</source>
            <translation>Settings saved.</translation>
        </message>
        <message>
            <source>Ya en uso: {names}.</source>
            <translation>In use now: {names}.</translation>
        </message>
        <message>
            <source>Se aplicarán al reiniciar la aplicación: {names}.</source>
            <translation>Will apply when the app restarts: {names}.</translation>
        </message>
        <message>
            <source>No había cambios.</source>
            <translation>There were no changes.</translation>
        </message>
        <message>
            <source>{name} (administrador)</source>
            <translation>{name} (administrator)</translation>
        </message>
        <message>
            <source>Elija a una persona de la lista.</source>
            <translation>Choose a person from the list.</translation>
        </message>
        <message>
            <source>Escriba el nuevo PIN.</source>
            <translation>Type the new PIN.</translation>
        </message>
        <message>
            <source>Escriba el nombre y el PIN de la persona.</source>
            <translation>Type the person's name and PIN.</translation>
        </message>
    </context>
    <context>
        <name>ShiftReport</name>
        <message numerus="yes">
            <source>%n venta(s)</source>
            <extracomment>The outcomes of earlier shifts' sales a report always shows (then any other state).</extracomment>
            <translation>
                <numerusform>%n sale</numerusform>
                <numerusform>%n sales</numerusform>
            </translation>
        </message>
        <message>
            <source>{sales} · {amount}</source>
            <translation>{sales} · {amount}</translation>
        </message>
        <message>
            <source>Informe Z: cierre de turno</source>
            <translation>Z report: shift close</translation>
        </message>
        <message>
            <source>Informe X: sin cierre</source>
            <translation>X report: no close</translation>
        </message>
        <message>
            <source>NIT</source>
            <translation>NIT</translation>
        </message>
        <message>
            <source>Tienda</source>
            <translation>Store</translation>
        </message>
        <message>
            <source>Caja</source>
            <translation>Till</translation>
        </message>
        <message>
            <source>Día</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>Desde</source>
            <translation>From</translation>
        </message>
        <message>
            <source>Hasta</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Generado</source>
            <translation>Generated</translation>
        </message>
        <message>
            <source>Ventas entregadas</source>
            <translation>Delivered sales</translation>
        </message>
        <message>
            <source>Ventas</source>
            <translation>Sales</translation>
        </message>
        <message>
            <source>Valor</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Ganancia (descuento del proveedor)</source>
            <translation>Earned (provider discount)</translation>
        </message>
        <message>
            <source>Ventas del periodo (todos los estados)</source>
            <translation>Sales in the period (every status)</translation>
        </message>
        <message>
            <source>Vendidas en este turno</source>
            <translation>Sold in this shift</translation>
        </message>
        <message>
            <source>Entregadas de turnos anteriores</source>
            <translation>Delivered from earlier shifts</translation>
        </message>
        <message>
            <source>Total entregado en el turno</source>
            <translation>Total delivered in the shift</translation>
        </message>
        <message>
            <source>Ganancia total</source>
            <translation>Total earned</translation>
        </message>
        <message>
            <source>Primera referencia</source>
            <translation>First reference</translation>
        </message>
        <message>
            <source>Última referencia</source>
            <translation>Last reference</translation>
        </message>
        <message>
            <source>Resueltas de turnos anteriores</source>
            <translation>Resolved from earlier shifts</translation>
        </message>
        <message>
            <source>Ventas creadas antes de este turno cuyo estado cambió en él; las entregadas cuentan como vendidas en este turno.</source>
            <translation>Sales created before this shift whose status changed in it; the delivered ones count as sold in this shift.</translation>
        </message>
        <message>
            <source>(sin operador)</source>
            <translation>(no operator)</translation>
        </message>
        <message>
            <source>Ganancia por operador</source>
            <translation>Earned by operator</translation>
        </message>
        <message>
            <source>Pagadas sin entregar (resolver y registrar)</source>
            <translation>Paid, not delivered (settle and record)</translation>
        </message>
        <message>
            <source>Resultado desconocido (en verificación)</source>
            <translation>Outcome unknown (being checked)</translation>
        </message>
        <message>
            <source>Pendientes</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>{amount} · {line} · {moment}</source>
            <translation>{amount} · {line} · {moment}</translation>
        </message>
        <message numerus="yes">
            <source>Para seguimiento: %n venta(s)</source>
            <translation>
                <numerusform>For follow-up: %n sale</numerusform>
                <numerusform>For follow-up: %n sales</numerusform>
            </translation>
        </message>
        <message>
            <source>Ninguna venta queda abierta.</source>
            <translation>No sale is left open.</translation>
        </message>
        <message numerus="yes">
            <source>… y %n venta(s) más (véalas en el historial).</source>
            <translation>
                <numerusform>… and %n more sale (see the history).</numerusform>
                <numerusform>… and %n more sales (see the history).</numerusform>
            </translation>
        </message>
        <message>
            <source>Hash de la cadena</source>
            <translation>Chain hash</translation>
        </message>
        <message>
            <source>Turno cerrado y registrado en el diario (entrada {seq}). El siguiente informe Z empieza aquí.</source>
            <translation>Shift closed and recorded in the journal (entry {seq}). The next Z report starts here.</translation>
        </message>
        <message>
            <source>Informe X: el turno sigue abierto, nada se cerró.</source>
            <translation>X report: the shift is still open, nothing was closed.</translation>
        </message>
        <message>
            <source>Sin ventas en este periodo.</source>
            <translation>No sales in this period.</translation>
        </message>
        <message>
            <source>Por tipo</source>
            <translation>By kind</translation>
        </message>
        <message>
            <source>Por operador</source>
            <translation>By operator</translation>
        </message>
        <message>
            <source>Por cajero</source>
            <translation>By clerk</translation>
        </message>
        <message>
            <source>(sin cajero)</source>
            <translation>(no clerk)</translation>
        </message>
        <message>
            <source>Por estado (todas las ventas del periodo)</source>
            <translation>By status (every sale in the period)</translation>
        </message>
    </context>
    <context>
        <name>SignInScreen</name>
        <message>
            <source>Primer administrador</source>
            <translation>First administrator</translation>
        </message>
        <message>
            <source>Aún no hay personal. Escriba su nombre y elija un PIN de 4 a 8 dígitos (no 1111 ni 1234).</source>
            <translation>There is no staff yet. Type your name and choose a PIN of 4 to 8 digits (not 1111 or 1234).</translation>
        </message>
        <message>
            <source>Iniciar turno</source>
            <translation>Start shift</translation>
        </message>
        <message>
            <source>Escriba su PIN de cajero.</source>
            <translation>Type your clerk PIN.</translation>
        </message>
        <message>
            <source>Nombre</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Escriba su nombre.</source>
            <translation>Type your name.</translation>
        </message>
    </context>
    <context>
        <name>StartScreen</name>
        <message>
            <source>Recarga</source>
            <extracomment>A job's button at the kiosk: a tile at least this tall (landscape, portrait). Room between the kiosk's tiles (a finger's gap, and calm). (object name, shortcut) of each job, in the order shown.</extracomment>
            <translation>Top-up</translation>
        </message>
        <message>
            <source>Saldo para una línea prepago.</source>
            <translation>Credit for a prepaid line.</translation>
        </message>
        <message>
            <source>Paquete de regalo</source>
            <translation>Gift pack</translation>
        </message>
        <message>
            <source>Datos y minutos para otra persona; le llega un mensaje de texto.</source>
            <translation>Data and minutes for someone else; they get a text message.</translation>
        </message>
        <message>
            <source>Consulta de saldo</source>
            <translation>Balance check</translation>
        </message>
        <message>
            <source>El saldo y los paquetes de su línea, con un código por SMS.</source>
            <translation>Your line's balance and packs, with a code by SMS.</translation>
        </message>
        <message>
            <source>¿Qué desea hacer?</source>
            <extracomment>The jobs: stacked (counter, kiosk portrait) or side by side (kiosk landscape).</extracomment>
            <translation>What would you like to do?</translation>
        </message>
        <message>
            <source>Elija una opción.</source>
            <translation>Choose an option.</translation>
        </message>
    </context>
    <context>
        <name>TextSizeSwitch</name>
        <message>
            <source>Letra grande</source>
            <translation>Larger text</translation>
        </message>
        <message>
            <source>Muestra todos los textos más grandes.</source>
            <translation>Shows every text larger.</translation>
        </message>
    </context>
    <context>
        <name>TopupScreen</name>
        <message>
            <source>Recarga</source>
            <extracomment>The widest amount a customer may type (the field's validator allows dots and "$").</extracomment>
            <translation>Top-up</translation>
        </message>
        <message>
            <source>Número de celular</source>
            <translation>Mobile number</translation>
        </message>
        <message>
            <source>Valor de la recarga</source>
            <translation>Top-up amount</translation>
        </message>
        <message>
            <source>Otro valor:</source>
            <translation>Other amount:</translation>
        </message>
        <message>
            <source>Ej.: 15000</source>
            <translation>e.g. 15000</translation>
        </message>
        <message>
            <source>Valor de la recarga en pesos</source>
            <translation>Top-up amount in pesos</translation>
        </message>
        <message>
            <source>Recarga de {amount}</source>
            <translation>Top-up of {amount}</translation>
        </message>
        <message>
            <source>Entre {low} y {high}</source>
            <translation>Between {low} and {high}</translation>
        </message>
    </context>
    <context>
        <name>Wiring</name>
        <message>
            <source>Un momento, por favor…</source>
            <translation>One moment, please…</translation>
        </message>
        <message>
            <source>Esperando la página de su banco…</source>
            <translation>Waiting for your bank's page…</translation>
        </message>
        <message>
            <source>Modo de prueba: cajero {clerk}, PIN {clerk_pin}; administrador, PIN {admin_pin}.</source>
            <translation>Test mode: clerk {clerk}, PIN {clerk_pin}; administrator, PIN {admin_pin}.</translation>
        </message>
        <message>
            <source>El catálogo aún no ha cargado. Intente de nuevo.</source>
            <extracomment>The screen the settings were opened from (shown again on "Volver"). The admin PIN dialog open now, if any (one at a time). "¿Cerrar sesión y descartar la venta?", while it is open. The history, a sale's detail and the shift report (ui/backoffice_wiring.py). The self-service kiosk's own parts (ui/kiosk/), in kiosk mode only.</extracomment>
            <translation>The catalogue has not loaded yet. Try again.</translation>
        </message>
        <message>
            <source>Ventas para revisar: {unsettled}, {follow_up}</source>
            <translation>Sales to review: {unsettled}, {follow_up}</translation>
        </message>
        <message numerus="yes">
            <source>%n pagada(s) sin entregar</source>
            <translation>
                <numerusform>%n paid, not delivered</numerusform>
                <numerusform>%n paid, not delivered</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n en seguimiento manual</source>
            <translation>
                <numerusform>%n in manual follow-up</numerusform>
                <numerusform>%n in manual follow-up</numerusform>
            </translation>
        </message>
        <message>
            <source>No se puede cerrar la sesión durante un pago. Termine la venta.</source>
            <translation>You cannot sign out during a payment. Finish the sale.</translation>
        </message>
        <message>
            <source>Los ajustes se abren al terminar la venta.</source>
            <translation>Settings open once the sale is finished.</translation>
        </message>
        <message>
            <source>Para abrir los ajustes.</source>
            <translation>To open the settings.</translation>
        </message>
        <message>
            <source>Cambios del personal guardados.</source>
            <translation>Staff changes saved.</translation>
        </message>
        <message>
            <source>La aplicación se cierra al terminar la venta.</source>
            <translation>The app closes once the sale is finished.</translation>
        </message>
        <message>
            <source>Para salir del modo quiosco.</source>
            <translation>To leave kiosk mode.</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <source>uso: </source>
            <extracomment>argparse's own words (it asks gettext for them) and our Spanish sources for them.</extracomment>
            <translation>usage: </translation>
        </message>
        <message>
            <source>argumentos</source>
            <translation>positional arguments</translation>
        </message>
        <message>
            <source>opciones</source>
            <translation>options</translation>
        </message>
        <message>
            <source>mostrar esta ayuda y salir</source>
            <translation>show this help message and exit</translation>
        </message>
        <message>
            <source>argumento %(argument_name)s: %(message)s</source>
            <translation>argument %(argument_name)s: %(message)s</translation>
        </message>
        <message>
            <source>argumentos desconocidos: %s</source>
            <translation>unrecognized arguments: %s</translation>
        </message>
        <message>
            <source>faltan estos argumentos: %s</source>
            <translation>the following arguments are required: %s</translation>
        </message>
        <message>
            <source>falta su valor</source>
            <translation>expected one argument</translation>
        </message>
        <message>
            <source>%(value)r no es una opción (elija entre %(choices)s)</source>
            <translation>invalid choice: %(value)r (choose from %(choices)s)</translation>
        </message>
        <message>
            <source>%(value)r no es un valor válido</source>
            <translation>invalid value: %(value)r</translation>
        </message>
        <message>
            <source>admite a lo sumo un valor</source>
            <translation>expected at most one argument</translation>
        </message>
        <message>
            <source>necesita al menos un valor</source>
            <translation>expected at least one argument</translation>
        </message>
        <message>
            <source>no se puede usar junto con %s</source>
            <translation>not allowed with argument %s</translation>
        </message>
        <message>
            <source>no admite el valor %r</source>
            <translation>ignored explicit argument %r</translation>
        </message>
        <message>
            <source>hace falta uno de estos argumentos: %s</source>
            <translation>one of the arguments %s is required</translation>
        </message>
        <message>
            <source>modo de la aplicación: counter (mostrador, atiende un cajero) o kiosk (autoservicio, pantalla completa)</source>
            <translation>application mode: counter (a clerk serves) or kiosk (self-service, full screen)</translation>
        </message>
        <message>
            <source>comandos</source>
            <translation>commands</translation>
        </message>
        <message>
            <source>opcionales; sin ninguno se abre la aplicación</source>
            <translation>optional; with none, the app opens</translation>
        </message>
        <message>
            <source>opción ambigua: %(option)s puede ser %(matches)s</source>
            <translation>ambiguous option: %(option)s could match %(matches)s</translation>
        </message>
        <message>
            <source>{prog}: error: {message}</source>
            <extracomment>The QCoreApplication made for a subcommand; kept so that Python does not collect it.</extracomment>
            <translation>{prog}: error: {message}</translation>
        </message>
        <message>
            <source>Recargas, paquetes de regalo y consulta de saldo, pagados por PSE con QR.</source>
            <translation>Mobile top-ups, gift packs and balance queries, paid by PSE with a QR code.</translation>
        </message>
        <message>
            <source>Sin COMANDO, «kiosk» abre la aplicación, en el modo de --mode o de la configuración (counter si no se indica).</source>
            <translation>With no COMMAND, “kiosk” opens the app, in the mode of --mode or of the configuration (counter if none is given).</translation>
        </message>
        <message>
            <source>ARCHIVO</source>
            <translation>FILE</translation>
        </message>
        <message>
            <source>archivo de configuración TOML</source>
            <translation>TOML configuration file</translation>
        </message>
        <message>
            <source>idioma de la aplicación y de sus mensajes (el de [ui] language)</source>
            <translation>language of the app and its messages ([ui] language by default)</translation>
        </message>
        <message>
            <source>COMANDO</source>
            <translation>COMMAND</translation>
        </message>
        <message>
            <source>diario de ventas: verificar, purgar líneas, cerrar ventas pagadas sin entregar</source>
            <translation>sales journal: verify, purge lines, settle paid-not-delivered sales</translation>
        </message>
        <message>
            <source>ACCIÓN</source>
            <translation>ACTION</translation>
        </message>
        <message>
            <source>exportar las ventas de unas fechas (CSV) o el diario entero (JSON)</source>
            <extracomment>The admin PIN for scripts (``--full-lines`` without a terminal).</extracomment>
            <translation>export the sales of some dates (CSV) or the whole journal (JSON)</translation>
        </message>
        <message>
            <source>Días de la tienda (hora de Bogotá), --to incluido. Las líneas van enmascaradas salvo con --full-lines, que pide el PIN de administrador (o KIOSK_ADMIN_PIN). Una exportación JSON se verifica con «kiosk journal verify --json ARCHIVO».</source>
            <translation>Store days (Bogotá time), --to included. Lines are masked unless --full-lines, which asks for the admin PIN (or KIOSK_ADMIN_PIN). A JSON export is checked with “kiosk journal verify --json FILE”.</translation>
        </message>
        <message>
            <source>AAAA-MM-DD</source>
            <translation>YYYY-MM-DD</translation>
        </message>
        <message>
            <source>primer día de las ventas del CSV</source>
            <translation>first day of the CSV's sales</translation>
        </message>
        <message>
            <source>último día de las ventas del CSV (incluido)</source>
            <translation>last day of the CSV's sales (included)</translation>
        </message>
        <message>
            <source>escribir las ventas en un CSV</source>
            <translation>write the sales to a CSV</translation>
        </message>
        <message>
            <source>escribir el diario entero en JSON, verificable en otro equipo</source>
            <translation>write the whole journal as JSON, verifiable on another machine</translation>
        </message>
        <message>
            <source>líneas completas en el CSV (pide el PIN de administrador; archivo 0600)</source>
            <translation>full lines in the CSV (asks for the admin PIN; file 0600)</translation>
        </message>
        <message>
            <source>URL</source>
            <translation>URL</translation>
        </message>
        <message>
            <source>PIN de administrador: </source>
            <translation>Admin PIN: </translation>
        </message>
        <message>
            <source>Exportando ventas</source>
            <translation>Exporting sales</translation>
        </message>
        <message>
            <source>Exportando el diario</source>
            <translation>Exporting the journal</translation>
        </message>
        <message>
            <source>verificar que el diario no fue alterado</source>
            <translation>check that the journal was not tampered with</translation>
        </message>
        <message>
            <source>diario a verificar (URL de SQLAlchemy)</source>
            <translation>journal to verify (SQLAlchemy URL)</translation>
        </message>
        <message>
            <source>verificar una exportación del diario (kiosk export --json), en otro equipo</source>
            <translation>verify an export of the journal (kiosk export --json), on another machine</translation>
        </message>
        <message>
            <source>HASH</source>
            <translation>HASH</translation>
        </message>
        <message>
            <source>un hash impreso antes (o ENTRADA:HASH) que debe seguir en la cadena</source>
            <translation>a hash printed earlier (or ENTRY:HASH) that must still be in the chain</translation>
        </message>
        <message>
            <source>borrar las líneas de ventas cerradas antiguas</source>
            <translation>erase the lines of old closed sales</translation>
        </message>
        <message>
            <source>Verificando el diario</source>
            <translation>Verifying the journal</translation>
        </message>
        <message>
            <source>diario (URL de SQLAlchemy)</source>
            <translation>journal (SQLAlchemy URL)</translation>
        </message>
        <message>
            <source>conservar las líneas de los últimos N días</source>
            <translation>keep the lines of the last N days</translation>
        </message>
        <message>
            <source>registrar cómo se resolvió una venta pagada y no entregada</source>
            <translation>record how a paid-but-not-delivered sale was resolved</translation>
        </message>
        <message>
            <source>REFERENCIA</source>
            <translation>REFERENCE</translation>
        </message>
        <message>
            <source>TEXTO</source>
            <translation>TEXT</translation>
        </message>
        <message>
            <source>cómo se le respondió al cliente</source>
            <translation>how the customer was answered</translation>
        </message>
        <message>
            <source>{rate}/s</source>
            <translation>{rate}/s</translation>
        </message>
        <message>
            <source>{done}/{total}</source>
            <translation>{done}/{total}</translation>
        </message>
        <message>
            <source>faltan {time}</source>
            <translation>{time} left</translation>
        </message>
        <message>
            <source>{label}: {count} en {seconds} s ({rate}/s)</source>
            <translation>{label}: {count} in {seconds} s ({rate}/s)</translation>
        </message>
        <message>
            <source>informe X del turno abierto o de un día, en texto y en PDF</source>
            <extracomment>Columns of the printed text report. A report adding up at least this many sales shows its progress. The QGuiApplication made for ``--pdf``; kept so that Python does not collect it.</extracomment>
            <translation>X report of the open shift or of a day, as text and as PDF</translation>
        </message>
        <message>
            <source>Sin --date: las ventas desde el último cierre Z (o desde el inicio del diario). Con --date: ese día completo en hora de Bogotá. Solo lee el diario: el cierre Z se hace en la aplicación.</source>
            <translation>Without --date: the sales since the last Z close (or since the journal began). With --date: that whole day in Bogotá time. It only reads the journal: the Z close is done in the app.</translation>
        </message>
        <message>
            <source>un día de la tienda (hora de Bogotá)</source>
            <translation>a store day (Bogotá time)</translation>
        </message>
        <message>
            <source>guardar además el informe en PDF, con su gráfico</source>
            <translation>also save the report as PDF, with its chart</translation>
        </message>
        <message>
            <source>Sumando ventas</source>
            <translation>Adding up sales</translation>
        </message>
    </context>
    <context>
        <name>exports</name>
        <message>
            <source>Fecha y hora (Bogotá)</source>
            <extracomment>Told how many more rows (or entries) were written, after each batch. Turns core words into the current language (``kiosk.controllers.language.text``). Rows fetched from the database per batch. Excel in Spanish (Colombia): ``;`` between fields, a decimal comma. Excel in English: ``,`` between fields, a decimal point. The columns of the sales CSV, in order, with their headers.</extracomment>
            <translation>Date and time (Bogotá)</translation>
        </message>
        <message>
            <source>Referencia</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Tipo</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Operador</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Línea</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>Valor (pesos)</source>
            <translation>Amount (pesos)</translation>
        </message>
        <message>
            <source>Ganancia</source>
            <translation>Earned</translation>
        </message>
        <message>
            <source>Moneda de la ganancia</source>
            <translation>Earned currency</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Código de estado</source>
            <translation>Status code</translation>
        </message>
        <message>
            <source>Cajero</source>
            <translation>Clerk</translation>
        </message>
        <message>
            <source>Transacción de la pasarela</source>
            <translation>Gateway transaction</translation>
        </message>
        <message>
            <source>Transacción del proveedor</source>
            <translation>Provider transaction</translation>
        </message>
        <message>
            <source>borrada</source>
            <extracomment>A purged line's cell in an export with full lines.</extracomment>
            <translation>erased</translation>
        </message>
        <message>
            <source>Sin pagar</source>
            <extracomment>What the accountant reads for each state (the code follows in its own column).</extracomment>
            <translation>Not paid</translation>
        </message>
        <message>
            <source>Pago en verificación</source>
            <translation>Payment being checked</translation>
        </message>
        <message>
            <source>Pago pendiente en el banco</source>
            <translation>Payment pending at the bank</translation>
        </message>
        <message>
            <source>Intento de pago no aprobado</source>
            <translation>Payment attempt not approved</translation>
        </message>
        <message>
            <source>Cancelada en pantalla; pago en verificación</source>
            <translation>Cancelled on screen; payment being checked</translation>
        </message>
        <message>
            <source>Código vencido; pago en verificación</source>
            <translation>Code expired; payment being checked</translation>
        </message>
        <message>
            <source>Pagada; entrega en proceso</source>
            <translation>Paid; delivery in progress</translation>
        </message>
        <message>
            <source>Pagada; entrega en verificación</source>
            <translation>Paid; delivery being checked</translation>
        </message>
        <message>
            <source>Pagada, no entregada</source>
            <translation>Paid, not delivered</translation>
        </message>
        <message>
            <source>Pagada y entregada</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>Pagada, no entregada; resuelta por la tienda</source>
            <translation>Paid, not delivered; settled by the store</translation>
        </message>
        <message>
            <source>Pago rechazado por el banco</source>
            <translation>Payment declined by the bank</translation>
        </message>
        <message>
            <source>Error del banco; sin cobro</source>
            <translation>Bank error; not charged</translation>
        </message>
        <message>
            <source>Pago no iniciado; sin cobro</source>
            <translation>Payment not started; not charged</translation>
        </message>
        <message>
            <source>Cancelada; sin cobro</source>
            <translation>Cancelled; not charged</translation>
        </message>
        <message>
            <source>Vencida; sin cobro</source>
            <translation>Expired; not charged</translation>
        </message>
        <message>
            <source>Recarga</source>
            <translation>Top-up</translation>
        </message>
        <message>
            <source>Paquete de regalo</source>
            <translation>Gift pack</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>Error inesperado ({code}).</source>
            <extracomment>The translation context of every message of the catalogue. A source holding this is counted: Qt picks its plural form from the ``count`` parameter. The words of an error that is not one of the core's own.</extracomment>
            <translation>Unexpected error ({code}).</translation>
        </message>
        <message>
            <source>Configuración: «{section}» debe ser una sección [{section}].</source>
            <translation>Configuration: “{section}” must be a [{section}] table.</translation>
        </message>
        <message>
            <source>Configuración: clave desconocida «{key}» en la sección «{section}».</source>
            <translation>Configuration: unknown key “{key}” in section “{section}”.</translation>
        </message>
        <message>
            <source>Configuración: la clave «{key}» de «{section}» debe ser {expected}.</source>
            <translation>Configuration: the key “{key}” of “{section}” must be {expected}.</translation>
        </message>
        <message>
            <source>El archivo de configuración {path} no está en UTF-8. Guárdelo con la codificación UTF-8 (en el Bloc de notas: Guardar como, Codificación UTF-8).</source>
            <translation>The configuration file {path} is not in UTF-8. Save it with the UTF-8 encoding (in Notepad: Save as, Encoding UTF-8).</translation>
        </message>
        <message>
            <source>El archivo de configuración {path} guarda llaves o secretos y otros usuarios pueden leerlo o cambiarlo (permisos {mode}). Déjelo solo para su dueño con: chmod 600 {path}</source>
            <translation>The configuration file {path} holds keys or secrets, and other users can read or change it (permissions {mode}). Make it its owner's alone with: chmod 600 {path}</translation>
        </message>
        <message>
            <source>No hay pantalla para abrir la ventana (ni DISPLAY ni WAYLAND_DISPLAY). Sin pantalla, use QT_QPA_PLATFORM=offscreen kiosk, o xvfb-run kiosk.</source>
            <translation>There is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set). Without a display, use QT_QPA_PLATFORM=offscreen kiosk, or xvfb-run kiosk.</translation>
        </message>
        <message>
            <source>No se pudo abrir la pantalla. Qt dice: {detail} Sin pantalla, use QT_QPA_PLATFORM=offscreen kiosk, o xvfb-run kiosk.</source>
            <translation>The display could not be opened. Qt says: {detail} Without a display, use QT_QPA_PLATFORM=offscreen kiosk, or xvfb-run kiosk.</translation>
        </message>
        <message>
            <source>No se puede abrir la pantalla {display}: no responde. Revise DISPLAY, o sin pantalla use QT_QPA_PLATFORM=offscreen kiosk, o xvfb-run kiosk.</source>
            <translation>Cannot open the display {display}: it does not answer. Check DISPLAY, or without a display use QT_QPA_PLATFORM=offscreen kiosk, or xvfb-run kiosk.</translation>
        </message>
        <message>
            <source>El archivo de configuración {path} no es TOML válido: {detail}</source>
            <translation>The configuration file {path} is not valid TOML: {detail}</translation>
        </message>
        <message>
            <source>No se puede leer el archivo de configuración {path}: {detail}</source>
            <translation>Cannot read the configuration file {path}: {detail}</translation>
        </message>
        <message>
            <source>No existe el archivo de configuración {path}.</source>
            <translation>The configuration file {path} does not exist.</translation>
        </message>
        <message>
            <source>Configuración: el modo «{mode}» no existe; use «counter» o «kiosk».</source>
            <translation>Configuration: mode “{mode}” does not exist; use “counter” or “kiosk”.</translation>
        </message>
        <message>
            <source>Configuración: el idioma «{language}» no existe en [ui]; use «es» o «en».</source>
            <translation>Configuration: language “{language}” does not exist in [ui]; use “es” or “en”.</translation>
        </message>
        <message>
            <source>Configuración: la clave «{key}» de «{section}» no sirve: {reason}</source>
            <translation>Configuration: the key “{key}” of “{section}” is not valid: {reason}</translation>
        </message>
        <message>
            <source>No se puede usar la carpeta de datos {path} ({detail}). Revise sus permisos o elija otra con KIOSK_DATA_DIR.</source>
            <translation>The data folder {path} cannot be used ({detail}). Check its permissions or choose another one with KIOSK_DATA_DIR.</translation>
        </message>
        <message>
            <source>Escriba el valor en pesos, por ejemplo 10.000.</source>
            <translation>Type the amount in pesos, for example 10.000.</translation>
        </message>
        <message>
            <source>El valor solo lleva números. Borre las letras y escríbalo de nuevo, por ejemplo 10.000.</source>
            <translation>The amount takes numbers only. Delete the letters and type it again, for example 10.000.</translation>
        </message>
        <message>
            <source>El valor va en pesos enteros, sin centavos. Escríbalo sin coma ni decimales, por ejemplo 10.000.</source>
            <translation>The amount is in whole pesos, without cents. Type it without a comma or decimals, for example 10.000.</translation>
        </message>
        <message>
            <source>El valor no puede ser negativo. Escríbalo sin el signo menos.</source>
            <translation>The amount cannot be negative. Type it without the minus sign.</translation>
        </message>
        <message>
            <source>El valor no está bien escrito. Escríbalo sin puntos (10000) o con un punto cada tres cifras (10.000).</source>
            <translation>The amount is not written correctly. Type it without dots (10000) or with a dot every three digits (10.000).</translation>
        </message>
        <message>
            <source>El valor tiene signos que no se usan. Escriba solo números, por ejemplo 10.000.</source>
            <translation>The amount has characters that cannot be used. Type digits only, for example 10.000.</translation>
        </message>
        <message>
            <source>El valor es demasiado grande. Revise el número e inténtelo de nuevo.</source>
            <translation>The amount is far too large. Check the number and try again.</translation>
        </message>
        <message numerus="yes">
            <source>La pasarela de pago informó un valor con centavos (%n centavo(s)), que la tienda no maneja. Anote la referencia y consulte al administrador.</source>
            <translation>
                <numerusform>The payment gateway reported an amount with cents (%n cent), which the store does not handle. Note the reference and ask the administrator.</numerusform>
                <numerusform>The payment gateway reported an amount with cents (%n cents), which the store does not handle. Note the reference and ask the administrator.</numerusform>
            </translation>
        </message>
        <message>
            <source>Escriba el número de celular: 10 dígitos que empiezan por 3.</source>
            <translation>Type the mobile number: 10 digits starting with 3.</translation>
        </message>
        <message>
            <source>El número de celular solo lleva dígitos. Borre las letras y escríbalo de nuevo.</source>
            <translation>A mobile number takes digits only. Delete the letters and type it again.</translation>
        </message>
        <message>
            <source>El número tiene signos que no se usan. Escriba solo los 10 dígitos del celular, por ejemplo 312 345 6789.</source>
            <translation>The number has characters that cannot be used. Type only the 10 digits of the mobile, for example 312 345 6789.</translation>
        </message>
        <message>
            <source>Solo se aceptan celulares de Colombia (+57). Escriba el número de 10 dígitos sin el indicativo de otro país.</source>
            <translation>Only Colombian mobile numbers (+57) are accepted. Type the 10-digit number without another country's code.</translation>
        </message>
        <message>
            <source>Al número le faltan dígitos: tiene {digits} y debe tener {expected}. Revise el número e inténtelo de nuevo.</source>
            <translation>The number is missing digits: it has {digits} and needs {expected}. Check the number and try again.</translation>
        </message>
        <message>
            <source>El número tiene dígitos de más: tiene {digits} y debe tener {expected}. Revise el número e inténtelo de nuevo.</source>
            <translation>The number has too many digits: it has {digits} and needs {expected}. Check the number and try again.</translation>
        </message>
        <message>
            <source>El número debe tener 10 dígitos y empezar por 3. Revise el número e inténtelo de nuevo.</source>
            <translation>The number must have 10 digits and start with 3. Check the number and try again.</translation>
        </message>
        <message>
            <source>El valor mínimo es {minimum}. Escriba un valor igual o mayor.</source>
            <translation>The minimum amount is {minimum}. Type that amount or more.</translation>
        </message>
        <message>
            <source>El valor máximo es {maximum}. Escriba un valor igual o menor.</source>
            <translation>The maximum amount is {maximum}. Type that amount or less.</translation>
        </message>
        <message>
            <source>El operador no ofrece {amount}. Elija uno de estos valores: {offered}.</source>
            <translation>The operator does not offer {amount}. Choose one of these amounts: {offered}.</translation>
        </message>
        <message numerus="yes">
            <source>Hay %n dato(s) del pagador por corregir. Revise los campos marcados e inténtelo de nuevo.</source>
            <translation>
                <numerusform>%n payer field needs correcting. Check the marked field and try again.</numerusform>
                <numerusform>%n payer fields need correcting. Check the marked fields and try again.</numerusform>
            </translation>
        </message>
        <message>
            <source>Elija el tipo de persona: natural o jurídica (empresa).</source>
            <translation>Choose the type of person: natural (individual) or juridical (company).</translation>
        </message>
        <message>
            <source>Ese tipo de persona no existe. Elija natural o jurídica (empresa).</source>
            <translation>That type of person does not exist. Choose natural (individual) or juridical (company).</translation>
        </message>
        <message>
            <source>Elija el tipo de documento del pagador.</source>
            <translation>Choose the payer's type of document.</translation>
        </message>
        <message>
            <source>PSE no acepta ese tipo de documento. Elija uno de la lista.</source>
            <translation>PSE does not accept that type of document. Choose one from the list.</translation>
        </message>
        <message>
            <source>Una empresa (persona jurídica) paga con su NIT. Elija NIT como tipo de documento.</source>
            <translation>A company (juridical person) pays with its NIT. Choose NIT as the document type.</translation>
        </message>
        <message>
            <source>Escriba el número del documento ({document_type}).</source>
            <translation>Type the document number ({document_type}).</translation>
        </message>
        <message>
            <source>El número de {document_type} solo lleva dígitos. Borre las letras y escríbalo de nuevo.</source>
            <translation>A {document_type} number takes digits only. Delete the letters and type it again.</translation>
        </message>
        <message>
            <source>El número de {document_type} tiene signos que no se usan. Escriba solo letras sin tilde y números, tal como aparecen en el documento.</source>
            <translation>The {document_type} number has characters that cannot be used. Type only unaccented letters and digits, as printed on the document.</translation>
        </message>
        <message>
            <source>El número de {document_type} debe tener entre {minimum} y {maximum} caracteres y tiene {length}. Revíselo en el documento e inténtelo de nuevo.</source>
            <translation>A {document_type} number has {minimum} to {maximum} characters; this one has {length}. Check it against the document and try again.</translation>
        </message>
        <message>
            <source>El número de {document_type} no empieza por 0. Revíselo en el documento e inténtelo de nuevo.</source>
            <translation>A {document_type} number does not start with 0. Check it against the document and try again.</translation>
        </message>
        <message>
            <source>El NIT no está bien escrito. Escríbalo con un guion antes del dígito de verificación, por ejemplo 900.123.456-8.</source>
            <translation>The NIT is not written correctly. Type it with a dash before the check digit, for example 900.123.456-8.</translation>
        </message>
        <message>
            <source>El NIT con su dígito de verificación debe tener entre {minimum} y {maximum} dígitos y tiene {length}. Revíselo en el RUT e inténtelo de nuevo.</source>
            <translation>The NIT with its check digit has {minimum} to {maximum} digits; this one has {length}. Check it against the RUT and try again.</translation>
        </message>
        <message>
            <source>El dígito de verificación no corresponde al NIT. Revise el NIT y el dígito después del guion en el RUT (por ejemplo 900.123.456-8).</source>
            <translation>The check digit does not match the NIT. Check the NIT and the digit after the dash on the RUT (for example 900.123.456-8).</translation>
        </message>
        <message>
            <source>Escriba el nombre completo del pagador, como aparece en su documento.</source>
            <translation>Type the payer's full name, as it appears on their document.</translation>
        </message>
        <message>
            <source>El nombre solo puede tener letras, espacios, apóstrofos y guiones. Borre los números y otros signos.</source>
            <translation>The name may only have letters, spaces, apostrophes and hyphens. Delete digits and other characters.</translation>
        </message>
        <message>
            <source>La razón social solo puede tener letras, números, espacios y los signos . , &amp; ' -. Escríbala como aparece en el RUT.</source>
            <translation>The company name may only have letters, digits, spaces and the characters . , &amp; ' -. Type it as it appears on the RUT.</translation>
        </message>
        <message>
            <source>El nombre es muy corto: escriba al menos {minimum} letras, como aparece en el documento.</source>
            <translation>The name is too short: type at least {minimum} letters, as it appears on the document.</translation>
        </message>
        <message>
            <source>El nombre puede tener hasta {maximum} caracteres y tiene {length}. Abrévielo, por ejemplo con un solo apellido.</source>
            <translation>The name may have up to {maximum} characters; this one has {length}. Shorten it, for example to one surname.</translation>
        </message>
        <message>
            <source>Escriba el correo electrónico del pagador; allí le llega el comprobante del banco.</source>
            <translation>Type the payer's email address; the bank sends its receipt there.</translation>
        </message>
        <message>
            <source>El correo electrónico no está bien escrito. Revíselo, por ejemplo nombre@correo.com, e inténtelo de nuevo.</source>
            <translation>The email address is not written correctly. Check it, for example name@mail.com, and try again.</translation>
        </message>
        <message>
            <source>Persona natural</source>
            <translation>Individual</translation>
        </message>
        <message>
            <source>Persona jurídica (empresa)</source>
            <translation>Company</translation>
        </message>
        <message>
            <source>Cédula de ciudadanía</source>
            <translation>Citizen ID card (CC)</translation>
        </message>
        <message>
            <source>Cédula de extranjería</source>
            <translation>Foreigner ID card (CE)</translation>
        </message>
        <message>
            <source>NIT</source>
            <translation>Tax ID (NIT)</translation>
        </message>
        <message>
            <source>Tarjeta de identidad</source>
            <translation>Minor's ID card (TI)</translation>
        </message>
        <message>
            <source>Pasaporte</source>
            <translation>Passport</translation>
        </message>
        <message>
            <source>Documento de identidad extranjero (DNI)</source>
            <translation>Foreign national ID (DNI)</translation>
        </message>
        <message>
            <source>No hay conexión con el servicio en este momento. Revise el internet e intente de nuevo en un minuto.</source>
            <translation>The service cannot be reached right now. Check the internet connection and try again in a minute.</translation>
        </message>
        <message>
            <source>El servicio está ocupado y pidió esperar. Intente de nuevo en un momento.</source>
            <translation>The service is busy and asked us to wait. Try again in a moment.</translation>
        </message>
        <message>
            <source>El servicio no aceptó la solicitud. Revise los datos e intente de nuevo.</source>
            <translation>The service did not accept the request. Check the details and try again.</translation>
        </message>
        <message>
            <source>El servicio no reconoce las llaves de esta tienda. Avise al administrador: hay que revisar la configuración.</source>
            <translation>The service does not recognise this store's keys. Tell the administrator: the configuration needs checking.</translation>
        </message>
        <message>
            <source>El servicio no encuentra ese dato. Revise e intente de nuevo.</source>
            <translation>The service cannot find that item. Check it and try again.</translation>
        </message>
        <message>
            <source>El servicio respondió algo que no se entiende. Intente de nuevo; si se repite, avise al administrador.</source>
            <translation>The service gave an answer that cannot be understood. Try again; if it happens again, tell the administrator.</translation>
        </message>
        <message>
            <source>Todavía no sabemos si la operación {reference} se hizo. No la repita: el sistema la está consultando y le avisará.</source>
            <translation>We do not know yet whether operation {reference} went through. Do not repeat it: the system is checking and will tell you.</translation>
        </message>
        <message>
            <source>Falta un dato de configuración ({setting}). Avise al administrador.</source>
            <translation>A configuration value is missing ({setting}). Tell the administrator.</translation>
        </message>
        <message>
            <source>La recarga {reference} ya fue enviada. No la repita: el sistema está consultando cómo terminó.</source>
            <translation>Top-up {reference} was already sent. Do not repeat it: the system is checking how it ended.</translation>
        </message>
        <message>
            <source>El operador no aceptó la recarga para esta línea. No se entregó nada.</source>
            <translation>The operator refused the top-up for this line. Nothing was delivered.</translation>
        </message>
        <message>
            <source>El operador no reconoce esta línea. Revise el número.</source>
            <translation>The operator does not recognise this line. Check the number.</translation>
        </message>
        <message>
            <source>El operador no acepta ese valor para esta línea. Elija otro valor.</source>
            <translation>The operator does not accept that amount for this line. Choose another amount.</translation>
        </message>
        <message>
            <source>La tienda no tiene saldo suficiente con el proveedor de recargas. Avise al administrador.</source>
            <translation>The store does not have enough balance with the top-up provider. Tell the administrator.</translation>
        </message>
        <message>
            <source>La tienda no tiene saldo suficiente con el proveedor de recargas para esta venta (saldo: {balance}). No se cobró nada: elija un valor menor o avise al administrador.</source>
            <translation>The store's balance with the top-up provider is not enough for this sale (balance: {balance}). Nothing was charged: choose a smaller amount or tell the administrator.</translation>
        </message>
        <message>
            <source>El proveedor no acepta ese valor para este operador. Elija otro valor.</source>
            <translation>The provider does not accept that amount for this operator. Choose another amount.</translation>
        </message>
        <message>
            <source>Este operador no atiende esta línea (puede haber cambiado de operador). Revise el número; no se entregó nada.</source>
            <translation>This operator does not serve this line (it may have changed operator). Check the number; nothing was delivered.</translation>
        </message>
        <message>
            <source>Esta línea recibió una recarga hace menos de 2 minutos. Espere un momento e intente de nuevo; no se entregó nada.</source>
            <translation>This line received a top-up less than 2 minutes ago. Wait a moment and try again; nothing was delivered.</translation>
        </message>
        <message>
            <source>El operador no pudo hacer la recarga. No se entregó nada.</source>
            <translation>The operator could not make the top-up. Nothing was delivered.</translation>
        </message>
        <message>
            <source>El operador no está recibiendo recargas en este momento. Intente más tarde; no se entregó nada.</source>
            <translation>The operator is not taking top-ups right now. Try later; nothing was delivered.</translation>
        </message>
        <message>
            <source>El proveedor de recargas no aceptó la recarga. No se entregó nada. Lo que dijo el proveedor: «{provider_message}»</source>
            <translation>The top-up provider did not accept the top-up. Nothing was delivered. What the provider said: “{provider_message}”</translation>
        </message>
        <message>
            <source>El código no es correcto. Revise el mensaje de texto y escríbalo de nuevo.</source>
            <translation>The code is not correct. Check the text message and type it again.</translation>
        </message>
        <message>
            <source>El código ya venció. Pida un código nuevo.</source>
            <translation>The code has expired. Ask for a new code.</translation>
        </message>
        <message>
            <source>Demasiados códigos equivocados: la consulta de esta línea quedó bloqueada por un rato. Intente más tarde.</source>
            <translation>Too many wrong codes: balance queries for this line are locked for a while. Try again later.</translation>
        </message>
        <message>
            <source>Ya se enviaron varios códigos a esta línea. Espere unos minutos y pida otro.</source>
            <translation>Several codes were already sent to this line. Wait a few minutes and ask again.</translation>
        </message>
        <message>
            <source>Esta línea no es del operador (puede haber cambiado de operador). No se puede consultar su saldo aquí.</source>
            <translation>This line is not the operator's (it may have moved to another operator). Its balance cannot be checked here.</translation>
        </message>
        <message>
            <source>El diario de ventas ya está abierto en otra ventana de la aplicación. Cierre la otra ventana y vuelva a intentarlo.</source>
            <translation>The sales journal is already open in another window of the app. Close the other window and try again.</translation>
        </message>
        <message>
            <source>La dirección del diario de ventas no es válida. Revise «url» en la sección [journal] de la configuración.</source>
            <translation>The sales journal address is not valid. Check “url” in the [journal] section of the configuration.</translation>
        </message>
        <message>
            <source>La dirección dada con --db no es válida. Escriba, por ejemplo, sqlite:///ruta/journal.sqlite3 o postgresql://usuario@servidor/base.</source>
            <translation>The address given with --db is not valid. Write, for example, sqlite:///path/journal.sqlite3 or postgresql://user@server/database.</translation>
        </message>
        <message>
            <source>Falta el controlador de PostgreSQL «{driver}». Instálelo con pip install 'kiosk[{extra}]' y use una dirección postgresql://….</source>
            <translation>The PostgreSQL driver “{driver}” is missing. Install it with pip install 'kiosk[{extra}]' and use a postgresql://… address.</translation>
        </message>
        <message>
            <source>El diario de ventas no funciona con la base de datos «{backend}». Use un archivo SQLite o PostgreSQL.</source>
            <translation>The sales journal does not work with the “{backend}” database. Use a SQLite file or PostgreSQL.</translation>
        </message>
        <message>
            <source>No se encontró el diario de ventas en {path}. Revise la ruta o abra la aplicación una vez para crearlo.</source>
            <translation>No sales journal was found at {path}. Check the path, or start the app once to create it.</translation>
        </message>
        <message>
            <source>Para crear el diario de ventas hacen falta el código de la tienda y el del quiosco.</source>
            <translation>Creating the sales journal needs the store id and the kiosk id.</translation>
        </message>
        <message>
            <source>Este diario de ventas pertenece a otra tienda o quiosco (tienda {store_id}, quiosco {kiosk_id}). Revise la configuración antes de vender.</source>
            <translation>This sales journal belongs to another store or kiosk (store {store_id}, kiosk {kiosk_id}). Check the configuration before selling.</translation>
        </message>
        <message>
            <source>No se pudo abrir el diario de ventas ({detail}). Revise que la base de datos esté disponible y vuelva a intentarlo.</source>
            <translation>The sales journal could not be opened ({detail}). Check that the database is available and try again.</translation>
        </message>
        <message>
            <source>El diario de ventas tiene un formato anterior (versión {revision}). Ábralo con la aplicación para actualizarlo.</source>
            <translation>The sales journal has an older format (version {revision}). Open it with the app to upgrade it.</translation>
        </message>
        <message>
            <source>El diario de ventas fue escrito por una versión más nueva de la aplicación (versión {revision}). Actualice la aplicación.</source>
            <translation>The sales journal was written by a newer version of the app (version {revision}). Update the app.</translation>
        </message>
        <message>
            <source>No se pudo guardar en el diario de ventas. La venta no cambió: espere un momento y vuelva a intentarlo. Si sigue fallando, reinicie la aplicación y avise al administrador.</source>
            <translation>Could not write to the sales journal. The sale did not change: wait a moment and try again. If it keeps failing, restart the app and tell the administrator.</translation>
        </message>
        <message>
            <source>Las líneas se borraron del diario, pero el archivo sigue en uso y aún no se limpió del todo. Vuelva a ejecutar la purga cuando la aplicación esté quieta.</source>
            <translation>The lines were erased from the journal, but the file is busy and not yet fully cleaned. Run the purge again when the app is idle.</translation>
        </message>
        <message>
            <source>El diario de ventas ya se cerró; no se pueden guardar más cambios. Reinicie la aplicación.</source>
            <translation>The sales journal is closed; no more changes can be saved. Restart the app.</translation>
        </message>
        <message>
            <source>La referencia de la venta no es válida.</source>
            <translation>The sale reference is not valid.</translation>
        </message>
        <message>
            <source>Error interno: el nombre del evento del diario no es válido.</source>
            <translation>Internal error: the journal event name is not valid.</translation>
        </message>
        <message>
            <source>Error interno: falta quién hizo el cambio o no es válido.</source>
            <translation>Internal error: who made the change is missing or not valid.</translation>
        </message>
        <message>
            <source>Error interno: el estado de la venta no existe.</source>
            <translation>Internal error: the sale state does not exist.</translation>
        </message>
        <message>
            <source>Error interno: el tipo de venta no existe.</source>
            <translation>Internal error: the kind of sale does not exist.</translation>
        </message>
        <message>
            <source>El valor de la venta debe ser un número entero de pesos mayor que cero.</source>
            <translation>The sale amount must be a whole number of pesos above zero.</translation>
        </message>
        <message>
            <source>La línea debe tener 10 dígitos, empezar por 3 y no llevar espacios.</source>
            <translation>The line must be 10 digits starting with 3, without spaces.</translation>
        </message>
        <message>
            <source>Falta la clave de la tienda para proteger las líneas. Revise la configuración (machine.toml o KIOSK_LINE_SECRET).</source>
            <translation>The store key that protects lines is missing. Check the configuration (machine.toml or KIOSK_LINE_SECRET).</translation>
        </message>
        <message>
            <source>Error interno: para crear una venta hacen falta el tipo, el valor y la línea.</source>
            <translation>Internal error: creating a sale needs its kind, amount and line.</translation>
        </message>
        <message>
            <source>Error interno: la línea solo se guarda al crear la venta.</source>
            <translation>Internal error: the line is stored only when the sale is created.</translation>
        </message>
        <message>
            <source>Error interno: el dato «{key}» lo escribe el diario, no quien llama.</source>
            <translation>Internal error: the “{key}” field is written by the journal, not the caller.</translation>
        </message>
        <message>
            <source>Error interno: la venta {reference} es de otro tipo.</source>
            <translation>Internal error: sale {reference} is of another kind.</translation>
        </message>
        <message>
            <source>Error interno: el valor de la venta {reference} no se puede cambiar.</source>
            <translation>Internal error: the amount of sale {reference} cannot change.</translation>
        </message>
        <message>
            <source>No se guardó: el dato «{key}» parece información personal (correo, documento, teléfono o línea) y el diario no la admite. Escríbalo sin esos datos.</source>
            <translation>Not saved: the “{key}” field looks like personal data (email, document, phone or line), which the journal does not accept. Write it without such data.</translation>
        </message>
        <message>
            <source>Error interno: el dato «{key}» no se puede guardar en el diario (tipo no admitido, muy largo o muy anidado).</source>
            <translation>Internal error: the “{key}” field cannot be stored in the journal (unsupported type, too long or too deeply nested).</translation>
        </message>
        <message>
            <source>El hash para comparar no es válido: escriba el hash completo que se imprimió (al menos 16 caracteres), o ENTRADA:HASH.</source>
            <translation>The hash to compare is not valid: type the full hash that was printed (at least 16 characters), or ENTRY:HASH.</translation>
        </message>
        <message>
            <source>El número de días debe ser cero o más.</source>
            <translation>The number of days must be zero or more.</translation>
        </message>
        <message>
            <source>No existe la venta {reference} en el diario. Revise la referencia.</source>
            <translation>Sale {reference} is not in the journal. Check the reference.</translation>
        </message>
        <message>
            <source>la entrada {seq} fue modificada después de escrita</source>
            <translation>entry {seq} was changed after it was written</translation>
        </message>
        <message>
            <source>falta la entrada {seq}: fue borrada</source>
            <translation>entry {seq} is missing: it was deleted</translation>
        </message>
        <message>
            <source>la entrada {seq} fue insertada después (no pertenece a la cadena)</source>
            <translation>entry {seq} was inserted afterwards (it does not belong to the chain)</translation>
        </message>
        <message>
            <source>la entrada {seq} está fuera de su lugar: las entradas fueron reordenadas</source>
            <translation>entry {seq} is out of place: entries were reordered</translation>
        </message>
        <message>
            <source>la entrada {seq} no enlaza con la anterior: la anterior fue cambiada o borrada</source>
            <translation>entry {seq} does not link to the one before: that one was changed or deleted</translation>
        </message>
        <message>
            <source>la entrada {seq} está dañada o no tiene sentido</source>
            <translation>entry {seq} is damaged or makes no sense</translation>
        </message>
        <message>
            <source>la entrada {seq} hace un cambio de estado no permitido ({current} → {target})</source>
            <translation>entry {seq} makes a state change that is not allowed ({current} → {target})</translation>
        </message>
        <message>
            <source>la venta {reference} no coincide con el diario (campo «{field}»; última entrada {seq})</source>
            <translation>sale {reference} does not match the journal (field “{field}”; last entry {seq})</translation>
        </message>
        <message>
            <source>falta la fila de la venta {reference} (última entrada {seq})</source>
            <translation>the row of sale {reference} is missing (last entry {seq})</translation>
        </message>
        <message>
            <source>la venta {reference} aparece en la tabla de ventas pero no en el diario</source>
            <translation>sale {reference} is in the sales table but not in the journal</translation>
        </message>
        <message>
            <source>la línea guardada de la venta {reference} no coincide con su huella en el diario</source>
            <translation>the stored line of sale {reference} does not match its fingerprint in the journal</translation>
        </message>
        <message>
            <source>ninguna de las {count} líneas guardadas coincide con su huella en el diario: la clave de la tienda (KIOSK_LINE_SECRET) no es la de este diario, o todas fueron cambiadas</source>
            <translation>none of the {count} stored lines matches its fingerprint in the journal: the store key (KIOSK_LINE_SECRET) is not this journal's, or every line was changed</translation>
        </message>
        <message>
            <source>el archivo de la base de datos está dañado ({detail})</source>
            <translation>the database file is damaged ({detail})</translation>
        </message>
        <message>
            <source>falta la protección «{trigger}» que impide cambiar o borrar entradas del diario</source>
            <translation>the safeguard “{trigger}” that stops journal entries from being changed or deleted is missing</translation>
        </message>
        <message>
            <source>la protección «{trigger}» que impide cambiar o borrar entradas del diario fue cambiada o desactivada</source>
            <translation>the safeguard “{trigger}” that stops journal entries from being changed or deleted was changed or disabled</translation>
        </message>
        <message>
            <source>faltan los datos de origen del diario (tienda, quiosco, fecha de creación)</source>
            <translation>the journal's origin data (store, kiosk, creation date) is missing</translation>
        </message>
        <message>
            <source>los datos de origen del diario (tienda, quiosco, fecha de creación) fueron cambiados</source>
            <translation>the journal's origin data (store, kiosk, creation date) was changed</translation>
        </message>
        <message>
            <source>el hash {hash} impreso antes ya no está en la cadena: el diario fue reescrito</source>
            <translation>the earlier printed hash {hash} is no longer in the chain: the journal was rewritten</translation>
        </message>
        <message>
            <source>el hash {hash} impreso antes ya no está en la entrada {seq} (ahora en la {found}): el diario fue reescrito</source>
            <translation>the earlier printed hash {hash} is no longer at entry {seq} (now at {found}): the journal was rewritten</translation>
        </message>
        <message>
            <source>Diario íntegro: {entries}, {sales}, último hash {last_hash}</source>
            <translation>Journal intact: {entries}, {sales}, last hash {last_hash}</translation>
        </message>
        <message numerus="yes">
            <source>%n entrada(s)</source>
            <translation>
                <numerusform>%n entry</numerusform>
                <numerusform>%n entries</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n venta(s)</source>
            <translation>
                <numerusform>%n sale</numerusform>
                <numerusform>%n sales</numerusform>
            </translation>
        </message>
        <message>
            <source>El hash {hash} sigue en la cadena, en la entrada {seq}.</source>
            <translation>Hash {hash} is still in the chain, at entry {seq}.</translation>
        </message>
        <message>
            <source>Las líneas guardadas no se compararon con sus huellas: falta la clave de la tienda. Désela en la variable de entorno KIOSK_LINE_SECRET.</source>
            <translation>The stored lines were not compared with their fingerprints: the store key is missing. Give it in the KIOSK_LINE_SECRET environment variable.</translation>
        </message>
        <message>
            <source>Diario alterado: {problem}. Guarde una copia del archivo y avise al administrador.</source>
            <translation>Journal tampered with: {problem}. Keep a copy of the file and tell the administrator.</translation>
        </message>
        <message>
            <source>Líneas borradas: {count} (de ventas cerradas, guardadas antes del {cutoff}).</source>
            <translation>Lines erased: {count} (of closed sales, stored before {cutoff}).</translation>
        </message>
        <message>
            <source>Venta {reference} cerrada como resuelta. Hash de la entrada: {hash}</source>
            <translation>Sale {reference} closed as settled. Entry hash: {hash}</translation>
        </message>
        <message>
            <source>No hay enlace de pago para mostrar en el código QR. Cancele e intente el pago de nuevo.</source>
            <translation>There is no payment link to show in the QR code. Cancel and try the payment again.</translation>
        </message>
        <message>
            <source>El enlace de pago es demasiado largo para un código QR ({length} bytes). Cancele el pago y avise a soporte técnico.</source>
            <translation>The payment link is too long for a QR code ({length} bytes). Cancel the payment and tell technical support.</translation>
        </message>
        <message>
            <source>El enlace de pago tiene caracteres no válidos y no cabe en un código QR. Cancele el pago y avise a soporte técnico.</source>
            <translation>The payment link has invalid characters and cannot go in a QR code. Cancel the payment and tell technical support.</translation>
        </message>
        <message>
            <source>Nivel de corrección del código QR no válido: «{level}». Use uno de: {allowed}.</source>
            <translation>Invalid QR error-correction level: “{level}”. Use one of: {allowed}.</translation>
        </message>
        <message>
            <source>Esta venta no se encuentra. Empiece una nueva venta.</source>
            <translation>This sale cannot be found. Start a new sale.</translation>
        </message>
        <message>
            <source>Esta venta ya terminó y no se puede cambiar. Empiece una nueva venta.</source>
            <translation>This sale is already closed and cannot change. Start a new sale.</translation>
        </message>
        <message>
            <source>Esta venta ya avanzó y ese paso no se puede repetir. Vuelva al inicio y empiece una nueva venta.</source>
            <translation>This sale has moved on and that step cannot be repeated. Go back and start a new sale.</translation>
        </message>
        <message>
            <source>Ocurrió un error inesperado. Intente de nuevo; si se repite, avise al encargado.</source>
            <translation>Something unexpected went wrong. Try again; if it happens again, tell the manager.</translation>
        </message>
        <message>
            <source>Esta línea es de {operator}. Aquí solo se venden recargas y paquetes {brand}; no se cobró nada. Use otro número o recárguela en un punto {operator}.</source>
            <translation>This line belongs to {operator}. Only {brand} top-ups and packs are sold here; nothing was charged. Use another number or top it up at a {operator} shop.</translation>
        </message>
        <message numerus="yes">
            <source>Esta línea se recargó hace menos de 2 minutos y el operador todavía no acepta otra recarga. Intente de nuevo en %n segundo(s); no se cobró nada.</source>
            <translation>
                <numerusform>This line was topped up less than 2 minutes ago and the operator does not take another top-up yet. Try again in %n second; nothing was charged.</numerusform>
                <numerusform>This line was topped up less than 2 minutes ago and the operator does not take another top-up yet. Try again in %n seconds; nothing was charged.</numerusform>
            </translation>
        </message>
        <message>
            <source>Esta línea es de {operator}. Aquí solo se consulta el saldo de líneas {brand}: consúltelo con {operator}. No se envió ningún código.</source>
            <translation>This line belongs to {operator}. Only {brand} lines' balances can be checked here: ask {operator}. No code was sent.</translation>
        </message>
        <message>
            <source>El paquete «{pack}» no está en el catálogo del operador. Elija otro paquete.</source>
            <translation>The pack “{pack}” is not in the operator's catalogue. Choose another pack.</translation>
        </message>
        <message>
            <source>El paquete «{pack}» no se puede pagar aquí por su precio. Elija otro paquete.</source>
            <translation>The pack “{pack}” cannot be paid for here at its price. Choose another pack.</translation>
        </message>
        <message numerus="yes">
            <source>Esta línea ya tuvo %n venta(s) hoy y el máximo de la tienda es {maximum} por línea al día; no se cobró nada. Se podrá recargar de nuevo mañana.</source>
            <translation>
                <numerusform>This line has already had %n sale today and the store's maximum is {maximum} per line per day; nothing was charged. It can be topped up again tomorrow.</numerusform>
                <numerusform>This line has already had %n sales today and the store's maximum is {maximum} per line per day; nothing was charged. It can be topped up again tomorrow.</numerusform>
            </translation>
        </message>
        <message>
            <source>Esta línea ya lleva {used} en ventas hoy y con esta de {amount} pasaría de {maximum}, el máximo de la tienda por línea al día; no se cobró nada. Todavía se le puede vender hoy: {left}.</source>
            <translation>This line already has {used} in sales today, and this sale of {amount} would take it past {maximum}, the store's maximum per line per day; nothing was charged. It can still be sold today: {left}.</translation>
        </message>
        <message numerus="yes">
            <source>Este punto de venta ya hizo %n venta(s) en la última hora y el máximo de la tienda es {maximum} por hora; no se cobró nada. Intente de nuevo en unos minutos o avise al encargado.</source>
            <translation>
                <numerusform>This point of sale has already made %n sale in the last hour and the store's maximum is {maximum} per hour; nothing was charged. Try again in a few minutes or tell the manager.</numerusform>
                <numerusform>This point of sale has already made %n sales in the last hour and the store's maximum is {maximum} per hour; nothing was charged. Try again in a few minutes or tell the manager.</numerusform>
            </translation>
        </message>
        <message>
            <source>Este punto de venta ya lleva {used} en ventas en la última hora y con esta de {amount} pasaría de {maximum}, el máximo de la tienda por hora; no se cobró nada. Todavía se puede vender en esta hora: {left}. Intente más tarde o avise al encargado.</source>
            <translation>This point of sale already has {used} in sales in the last hour, and this sale of {amount} would take it past {maximum}, the store's maximum per hour; nothing was charged. It can still sell this hour: {left}. Try later or tell the manager.</translation>
        </message>
        <message>
            <source>La tienda no tiene saldo suficiente con el proveedor de recargas para esta venta: de su saldo de {balance}, {held} está reservado para ventas en curso y quedan {available}. No se cobró nada: elija un valor menor, espere a que terminen las ventas en curso o avise al administrador.</source>
            <translation>The store does not have enough balance with the top-up provider for this sale: of its balance of {balance}, {held} is set aside for sales in progress and {available} is left. Nothing was charged: choose a smaller amount, wait for the sales in progress to finish, or tell the administrator.</translation>
        </message>
        <message>
            <source>un número entero</source>
            <extracomment>The store's own name (on the screens and receipts). The legal name of the business (receipts, reports). ``&lt;base&gt;-&lt;digit&gt;``; the DIAN check digit is verified (kiosk.domain.nit). Where a customer sends a claim (phone, e-mail, address), printed on receipts. The personal-data notice shown and printed (Ley 1581); empty: none. The same notice in English (the kiosk shows it in English); empty: the built-in one. Paper width: 58 or 80 mm. Used when the provider does not give fixed amounts for the operator. Fraud limits: sales to one line per (Bogota) day, and their pesos. Fraud limits: sales by this kiosk per hour, and their pesos. Warn the clerk when the float is under this, in whole units of the float's own currency (USD for a USD account); 0: never warn. Wall-clock limit of one call, retries included. SQLAlchemy URL; empty means ``sqlite:///&lt;data dir&gt;/journal.sqlite3``. The operators (brands) this store sells, e.g. ``["Claro"]`` for a Claro-branded kiosk; empty: every Colombian operator the provider lists. ``es`` (Spanish, Colombia: the app's own wording) or ``en``. Seconds without a touch before a screen goes back to its start. Wompi's prefix of a sandbox (test) public key; a production key starts ``pub_prod_``. What a value of each default's type is called in ``config.wrong_type``.</extracomment>
            <translation>a whole number</translation>
        </message>
        <message>
            <source>un número</source>
            <translation>a number</translation>
        </message>
        <message>
            <source>un texto entre comillas</source>
            <translation>a text in quotes</translation>
        </message>
        <message>
            <source>true o false</source>
            <translation>true or false</translation>
        </message>
        <message>
            <source>una lista de números, como [2000, 5000]</source>
            <translation>a list of numbers, such as [2000, 5000]</translation>
        </message>
        <message>
            <source>una lista de textos entre comillas</source>
            <translation>a list of texts in quotes</translation>
        </message>
        <message>
            <source>una lista entre corchetes</source>
            <translation>a list in square brackets</translation>
        </message>
        <message>
            <source>La fecha de {option} no es válida: «{value}». Escríbala como AAAA-MM-DD, por ejemplo 2025-01-31.</source>
            <translation>The date of {option} is not valid: “{value}”. Write it as YYYY-MM-DD, for example 2025-01-31.</translation>
        </message>
        <message>
            <source>La fecha de --from es posterior a la de --to: no hay días que exportar.</source>
            <translation>The date of --from is after that of --to: there are no days to export.</translation>
        </message>
        <message>
            <source>--json exporta el diario entero: no lleva --from, --to ni --full-lines (esas son del CSV).</source>
            <translation>--json exports the whole journal: it takes no --from, --to or --full-lines (those are the CSV's).</translation>
        </message>
        <message>
            <source>No se pudo escribir {path} ({detail}). No quedó ningún archivo a medias: revise la carpeta y el espacio libre y vuelva a intentarlo.</source>
            <translation>{path} could not be written ({detail}). No half-written file was left: check the folder and the free space and try again.</translation>
        </message>
        <message>
            <source>Las líneas completas solo se exportan con el PIN de administrador: ejecute el comando en una terminal para escribirlo, o déselo en la variable de entorno KIOSK_ADMIN_PIN. No se escribió nada.</source>
            <translation>Full lines are exported only with the admin PIN: run the command in a terminal to type it, or give it in the KIOSK_ADMIN_PIN environment variable. Nothing was written.</translation>
        </message>
        <message>
            <source>{reason} No se escribió nada.</source>
            <translation>{reason} Nothing was written.</translation>
        </message>
        <message>
            <source>No se encontró la exportación {path}. Revise la ruta.</source>
            <translation>The export {path} was not found. Check the path.</translation>
        </message>
        <message>
            <source>No se pudo leer la exportación {path} ({detail}).</source>
            <translation>The export {path} could not be read ({detail}).</translation>
        </message>
        <message>
            <source>{path} no es una exportación del diario de ventas (la que escribe «kiosk export --json»), o está incompleta o dañada.</source>
            <translation>{path} is not an export of the sales journal (the one “kiosk export --json” writes), or it is incomplete or damaged.</translation>
        </message>
        <message>
            <source>La exportación tiene un formato más nuevo (versión {version}) que esta aplicación. Actualice la aplicación para verificarla.</source>
            <translation>The export has a newer format (version {version}) than this app. Update the app to verify it.</translation>
        </message>
        <message numerus="yes">
            <source>%n venta(s) exportada(s) a {path} (del {first} al {last}).</source>
            <translation>
                <numerusform>%n sale exported to {path} (from {first} to {last}).</numerusform>
                <numerusform>%n sales exported to {path} (from {first} to {last}).</numerusform>
            </translation>
        </message>
        <message>
            <source>El archivo lleva las líneas completas de los clientes: guárdelo donde solo lo vea quien debe, y bórrelo cuando ya no lo necesite.</source>
            <translation>The file holds the customers' full lines: keep it where only those who must can see it, and delete it when it is no longer needed.</translation>
        </message>
        <message numerus="yes">
            <source>%n entrada(s) del diario exportada(s) a {path}, último hash {last_hash}. Para verificarla en otro equipo: kiosk journal verify --json {path}</source>
            <translation>
                <numerusform>%n journal entry exported to {path}, last hash {last_hash}. To verify it on another machine: kiosk journal verify --json {path}</numerusform>
                <numerusform>%n journal entries exported to {path}, last hash {last_hash}. To verify it on another machine: kiosk journal verify --json {path}</numerusform>
            </translation>
        </message>
        <message>
            <source>Se verificaron la cadena y lo que dice de cada venta; una exportación no lleva las líneas de los clientes ni la tabla de ventas, así que esas no se comparan.</source>
            <translation>The chain and what it says of each sale were verified; an export holds neither the customers' lines nor the sales table, so those are not compared.</translation>
        </message>
        <message>
            <source>Para buscar por línea escriba la línea completa (10 dígitos) o sus últimos 4 dígitos.</source>
            <translation>To search by line, type the whole line (10 digits) or its last 4 digits.</translation>
        </message>
        <message>
            <source>Una referencia tiene solo letras, números y guiones (por ejemplo K1QX4M2B).</source>
            <translation>A reference has only letters, digits and dashes (for example K1QX4M2B).</translation>
        </message>
        <message>
            <source>La fecha «hasta» es anterior a la fecha «desde». Revise las fechas.</source>
            <translation>The “to” date is before the “from” date. Check the dates.</translation>
        </message>
        <message>
            <source>La dirección de la impresora «{target}» no sirve. Use tcp:HOST:PUERTO (o HOST:PUERTO; puerto 9100 si no lo dice), usb:VID:PID (en hexadecimal), serial:/dev/ttyUSB0[:BAUDIOS] o file:/ruta.</source>
            <translation>The printer address “{target}” does not work. Use tcp:HOST:PORT (or HOST:PORT; port 9100 when not given), usb:VID:PID (in hexadecimal), serial:/dev/ttyUSB0[:BAUD] or file:/path.</translation>
        </message>
        <message>
            <source>El ancho del papel ({paper_mm} mm) no existe: use 58 u 80.</source>
            <translation>There is no {paper_mm} mm paper width: use 58 or 80.</translation>
        </message>
        <message>
            <source>No hay impresora configurada: un administrador la elige en Ajustes → Impresora.</source>
            <translation>No printer is set up: an administrator chooses one in Settings → Printer.</translation>
        </message>
        <message>
            <source>No se encontró la impresora ({target}). Revise que esté encendida y conectada.</source>
            <translation>The printer ({target}) was not found. Check that it is on and connected.</translation>
        </message>
        <message>
            <source>La impresora no tiene papel. Ponga un rollo nuevo.</source>
            <translation>The printer is out of paper. Put in a new roll.</translation>
        </message>
        <message>
            <source>La impresora ({target}) no terminó de imprimir. Revísela.</source>
            <translation>The printer ({target}) did not finish printing. Check it.</translation>
        </message>
        <message>
            <source>Para imprimir en {target} falta el componente {module}. Instálelo con: pip install "kiosk[printers]".</source>
            <translation>Printing on {target} needs the {module} component. Install it with: pip install "kiosk[printers]".</translation>
        </message>
        <message>
            <source>No hay ninguna venta con la referencia {reference}.</source>
            <translation>There is no sale with reference {reference}.</translation>
        </message>
        <message>
            <source>No se pudo guardar el PDF en {path}: {detail}</source>
            <translation>The PDF could not be saved to {path}: {detail}</translation>
        </message>
        <message>
            <source>Escriba cómo se le respondió al cliente (por ejemplo, «reembolso en efectivo») antes de cerrar la venta como resuelta.</source>
            <translation>Write how the customer was answered (for example, “cash refund”) before closing the sale as settled.</translation>
        </message>
        <message>
            <source>Informe guardado en PDF: {path}</source>
            <translation>Report saved as PDF: {path}</translation>
        </message>
        <message>
            <source>No se pudo guardar el PDF en {path} ({detail}).</source>
            <translation>The PDF could not be saved to {path} ({detail}).</translation>
        </message>
        <message numerus="yes">
            <source>No se guardó nada: revise %n campo(s) marcado(s).</source>
            <translation>
                <numerusform>Nothing was saved: check the %n field marked.</numerusform>
                <numerusform>Nothing was saved: check the %n fields marked.</numerusform>
            </translation>
        </message>
        <message>
            <source>No se pudo guardar la configuración ({detail}). Sigue la anterior, sin cambios.</source>
            <translation>The settings could not be saved ({detail}). The previous ones stay, unchanged.</translation>
        </message>
        <message>
            <source>«{field}» no es un ajuste.</source>
            <translation>“{field}” is not a setting.</translation>
        </message>
        <message>
            <source>Debe ser un texto.</source>
            <translation>It must be text.</translation>
        </message>
        <message>
            <source>Tiene caracteres que no se pueden guardar (saltos de línea o de control).</source>
            <translation>It has characters that cannot be saved (line breaks or control characters).</translation>
        </message>
        <message>
            <source>No puede quedar vacío.</source>
            <translation>It cannot be left empty.</translation>
        </message>
        <message>
            <source>Es demasiado largo: hasta {limit} caracteres.</source>
            <translation>It is too long: up to {limit} characters.</translation>
        </message>
        <message>
            <source>«{value}» no es un número entero.</source>
            <translation>“{value}” is not a whole number.</translation>
        </message>
        <message>
            <source>No puede ser negativo.</source>
            <translation>It cannot be negative.</translation>
        </message>
        <message>
            <source>Debe ser al menos {low}.</source>
            <translation>It must be at least {low}.</translation>
        </message>
        <message>
            <source>Debe ser como mucho {high}.</source>
            <translation>It must be at most {high}.</translation>
        </message>
        <message>
            <source>La recarga mínima ({low}) es mayor que la máxima ({high}).</source>
            <translation>The minimum top-up ({low}) is above the maximum ({high}).</translation>
        </message>
        <message>
            <source>Cada monto sugerido debe ser mayor que cero.</source>
            <translation>Each suggested amount must be more than zero.</translation>
        </message>
        <message>
            <source>El monto sugerido {amount} queda fuera de la recarga mínima y máxima ({low} a {high}).</source>
            <translation>The suggested amount {amount} is outside the minimum and maximum top-up ({low} to {high}).</translation>
        </message>
        <message>
            <source>«{item}» está repetido.</source>
            <translation>“{item}” is repeated.</translation>
        </message>
        <message>
            <source>Debe ser una lista separada por comas.</source>
            <translation>It must be a list separated by commas.</translation>
        </message>
        <message>
            <source>«{name}» no es un nombre de operador.</source>
            <translation>“{name}” is not an operator's name.</translation>
        </message>
        <message>
            <source>«{name}» no es un operador conocido: escriba uno de estos: {known}.</source>
            <translation>“{name}” is not an operator we know: write one of these: {known}.</translation>
        </message>
        <message>
            <source>«{url}» no es una dirección web: debe empezar por https:// (o http://) seguido del servidor, sin espacios ni usuario y clave.</source>
            <translation>“{url}” is not a web address: it must start with https:// (or http://) followed by the server, with no spaces and no user and password.</translation>
        </message>
        <message>
            <source>La llave tiene caracteres que no se pueden guardar (saltos de línea o de control).</source>
            <translation>The key has characters that cannot be saved (line breaks or control characters).</translation>
        </message>
        <message>
            <source>Esta llave viene de la variable de entorno {variable}, que manda sobre el archivo: cámbiela allí.</source>
            <translation>This key comes from the environment variable {variable}, which wins over the file: change it there.</translation>
        </message>
        <message>
            <source>La impresora «{target}» no se entiende. Escriba tcp:SERVIDOR:PUERTO o SERVIDOR:PUERTO (el puerto 9100 si no se dice), usb:VID:PID (en hexadecimal), serial:/dev/ttyUSB0 (con :VELOCIDAD si hace falta) o file:/ruta.</source>
            <translation>The printer “{target}” is not understood. Type tcp:SERVER:PORT or SERVER:PORT (port 9100 when not said), usb:VID:PID (in hex), serial:/dev/ttyUSB0 (with :SPEED if needed) or file:/path.</translation>
        </message>
        <message>
            <source>El ancho del papel debe ser 58 u 80 mm, no «{paper_mm}».</source>
            <translation>The paper width must be 58 or 80 mm, not “{paper_mm}”.</translation>
        </message>
        <message>
            <source>El idioma «{language}» no existe: use «es» (español) o «en» (inglés).</source>
            <translation>The language “{language}” does not exist: use “es” (Spanish) or “en” (English).</translation>
        </message>
        <message>
            <source>«{nit}» no es un NIT: escríbalo con su dígito de verificación, como 900123456-8.</source>
            <translation>“{nit}” is not a NIT: write it with its check digit, such as 900123456-8.</translation>
        </message>
        <message>
            <source>El dígito de verificación del NIT {nit} no corresponde: revise el número.</source>
            <translation>The check digit of the NIT {nit} does not match: check the number.</translation>
        </message>
        <message>
            <source>PIN incorrecto. Intentos que le quedan antes del bloqueo: {tries_left}.</source>
            <translation>Wrong PIN. Tries left before the PINs are locked: {tries_left}.</translation>
        </message>
        <message>
            <source>Demasiados PIN incorrectos: los PIN están bloqueados. Intente de nuevo en {seconds} s.</source>
            <translation>Too many wrong PINs: the PINs are locked. Try again in {seconds} s.</translation>
        </message>
        <message>
            <source>Ese PIN no es de un administrador.</source>
            <translation>That PIN is not an administrator's.</translation>
        </message>
        <message>
            <source>El PIN debe tener de {low} a {high} dígitos, solo números.</source>
            <translation>The PIN must have {low} to {high} digits, numbers only.</translation>
        </message>
        <message>
            <source>Ese PIN es muy fácil de adivinar (un mismo dígito o una serie como 1234). Elija otro.</source>
            <translation>That PIN is too easy to guess (one digit repeated or a run such as 1234). Choose another.</translation>
        </message>
        <message>
            <source>Escriba el nombre de la persona.</source>
            <translation>Type the person's name.</translation>
        </message>
        <message>
            <source>El nombre es demasiado largo: hasta {limit} caracteres.</source>
            <translation>The name is too long: up to {limit} characters.</translation>
        </message>
        <message>
            <source>Un nombre no puede llevar un correo ni un número de teléfono o documento: queda en el diario con cada venta.</source>
            <translation>A name cannot hold an email or a phone or document number: it is kept in the journal with every sale.</translation>
        </message>
        <message>
            <source>Ya hay alguien con el nombre «{name}». Use otro.</source>
            <translation>Someone is already called “{name}”. Use another name.</translation>
        </message>
        <message>
            <source>Ese PIN ya lo usa otra persona. Elija otro.</source>
            <translation>Someone else already uses that PIN. Choose another.</translation>
        </message>
        <message>
            <source>No se puede quitar a {name}: es el único administrador. Cree otro administrador antes.</source>
            <translation>{name} cannot be removed: they are the only administrator. Create another administrator first.</translation>
        </message>
        <message>
            <source>Esa persona ya no está en la lista del personal.</source>
            <translation>That person is no longer on the staff list.</translation>
        </message>
        <message>
            <source>Todavía no hay administrador: cree el primero con su nombre y un PIN.</source>
            <translation>There is no administrator yet: create the first one with a name and a PIN.</translation>
        </message>
        <message>
            <source>El primer administrador ya existe: entre con su PIN.</source>
            <translation>The first administrator already exists: sign in with their PIN.</translation>
        </message>
        <message>
            <source>No se puede leer la lista del personal {path}. Copie encima la anterior (staff.toml.bak) o pida soporte.</source>
            <translation>The staff list {path} cannot be read. Copy the previous one (staff.toml.bak) over it or call support.</translation>
        </message>
    </context>
    <context>
        <name>sandbox</name>
        <message>
            <source>servir el sandbox de pagos PSE, recargas y líneas</source>
            <extracomment>Turns a Spanish source (context "sandbox") into the current language.</extracomment>
            <translation>serve the sandbox of PSE payments, top-ups and lines</translation>
        </message>
        <message>
            <source>Sirve el sandbox (PSE compatible con Wompi, recargas compatibles con Reloadly, servicios de línea y buzón de SMS) hasta Ctrl-C. Con --host 0.0.0.0 un celular en la misma red puede abrir el checkout y la página del banco.</source>
            <translation>Serves the sandbox (Wompi-compatible PSE, Reloadly-compatible top-ups, line services and an SMS outbox) until Ctrl-C. With --host 0.0.0.0 a phone on the same network can open the checkout and the bank page.</translation>
        </message>
        <message>
            <source>dirección (por defecto 127.0.0.1)</source>
            <translation>address (127.0.0.1 by default)</translation>
        </message>
        <message>
            <source>puerto (0 = uno libre; {port})</source>
            <translation>port (0 = any free one; {port})</translation>
        </message>
        <message>
            <source>{value} no es un puerto: use un número de 0 a 65535 (0 = uno libre)</source>
            <translation>{value} is not a port: use a number from 0 to 65535 (0 = a free one)</translation>
        </message>
        <message>
            <source>DIRECCIÓN</source>
            <translation>ADDRESS</translation>
        </message>
        <message>
            <source>PUERTO</source>
            <translation>PORT</translation>
        </message>
        <message>
            <source>LLAVE</source>
            <translation>KEY</translation>
        </message>
        <message>
            <source>PESOS</source>
            <translation>PESOS</translation>
        </message>
        <message>
            <source>llave pública de prueba (pub_test_…)</source>
            <translation>test public key (pub_test_…)</translation>
        </message>
        <message>
            <source>llave privada de prueba (prv_test_…)</source>
            <translation>test private key (prv_test_…)</translation>
        </message>
        <message>
            <source>secreto de integridad de PSE</source>
            <translation>PSE integrity secret</translation>
        </message>
        <message>
            <source>secreto de eventos de PSE</source>
            <translation>PSE events secret</translation>
        </message>
        <message>
            <source>client_id de recargas</source>
            <translation>top-ups client_id</translation>
        </message>
        <message>
            <source>client_secret de recargas</source>
            <translation>top-ups client_secret</translation>
        </message>
        <message>
            <source>llave de los servicios de línea</source>
            <translation>line services key</translation>
        </message>
        <message>
            <source>mostrar cada petición (líneas enmascaradas)</source>
            <translation>show every request (lines masked)</translation>
        </message>
        <message>
            <source>moneda de la cuenta de recargas: COP (por defecto) o USD</source>
            <translation>top-up account currency: COP (default) or USD</translation>
        </message>
        <message>
            <source>pesos por unidad de la moneda de la cuenta (por defecto 4100; solo con USD)</source>
            <translation>pesos per unit of the account currency (default 4100; USD only)</translation>
        </message>
        <message>
            <source>no se pudo abrir {host}:{port} ({reason}). Pruebe otro puerto con --port.</source>
            <translation>cannot open {host}:{port} ({reason}). Try another port with --port.</translation>
        </message>
        <message>
            <source>Sandbox detenido.</source>
            <translation>Sandbox stopped.</translation>
        </message>
        <message>
            <source>Sandbox del kiosco en {root}/</source>
            <translation>Kiosk sandbox at {root}/</translation>
        </message>
        <message>
            <source>Checkout</source>
            <translation>Checkout</translation>
        </message>
        <message>
            <source>Recargas (Reloadly)</source>
            <translation>Top-ups (Reloadly)</translation>
        </message>
        <message>
            <source>OAuth de recargas</source>
            <translation>Top-ups OAuth</translation>
        </message>
        <message>
            <source>Servicios de línea</source>
            <translation>Line services</translation>
        </message>
        <message>
            <source>Buzón de SMS</source>
            <translation>SMS outbox</translation>
        </message>
        <message>
            <source>Llaves (de prueba):</source>
            <translation>Keys (test only):</translation>
        </message>
        <message>
            <source>llave pública</source>
            <translation>public key</translation>
        </message>
        <message>
            <source>llave privada</source>
            <translation>private key</translation>
        </message>
        <message>
            <source>secreto integridad</source>
            <translation>integrity secret</translation>
        </message>
        <message>
            <source>secreto eventos</source>
            <translation>events secret</translation>
        </message>
        <message>
            <source>client_id recargas</source>
            <translation>top-ups client_id</translation>
        </message>
        <message>
            <source>llave de líneas</source>
            <translation>line services key</translation>
        </message>
        <message>
            <source>Bancos PSE: 1 aprueba, 2 rechaza, 3 error, 4 espera la página del banco, 5 lento.</source>
            <translation>PSE banks: 1 approves, 2 declines, 3 errs, 4 waits for the bank page, 5 is slow.</translation>
        </message>
        <message>
            <source>Líneas: 3000000001 rechazada, 3000000002 lenta, 3000000003 portada a Movistar, 3000000004 en proceso y luego entregada, 3000000005 fallida, 3000000006 en proceso y luego reembolsada; 3151234567 portada a Claro, 3129876543 portada a Tigo.</source>
            <translation>Lines: 3000000001 refused, 3000000002 slow, 3000000003 ported to Movistar, 3000000004 processing then delivered, 3000000005 failed, 3000000006 processing then refunded; 3151234567 ported to Claro, 3129876543 ported to Tigo.</translation>
        </message>
        <message>
            <source>Desde un celular en la misma red abra: {root}/</source>
            <translation>From a phone on the same network open: {root}/</translation>
        </message>
        <message>
            <source>En este equipo también: http://127.0.0.1:{port}/</source>
            <translation>On this computer too: http://127.0.0.1:{port}/</translation>
        </message>
        <message>
            <source>Ctrl-C para detener.</source>
            <translation>Ctrl-C to stop.</translation>
        </message>
    </context>
</TS>
