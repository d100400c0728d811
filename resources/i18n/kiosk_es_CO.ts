<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_CO" sourcelanguage="es_CO">
    <context>
        <name>BackOfficeWiring</name>
        <message numerus="yes">
            <source>%n venta(s) exportadas a {path}</source>
            <translation>
                <numerusform>%n venta exportada a {path}</numerusform>
                <numerusform>%n ventas exportadas a {path}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BalanceScreen</name>
        <message numerus="yes">
            <source>Escriba los %n dígitos del código que llegó por mensaje de texto.</source>
            <translation>
                <numerusform>Escriba el %n dígito del código que llegó por mensaje de texto.</numerusform>
                <numerusform>Escriba los %n dígitos del código que llegó por mensaje de texto.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Código de %n dígitos</source>
            <translation>
                <numerusform>Código de %n dígito</numerusform>
                <numerusform>Código de %n dígitos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Escriba el código de %n dígitos que enviamos por mensaje de texto al {line}. Si no llega en un minuto, pida otro.</source>
            <translation>
                <numerusform>Escriba el código de %n dígito que enviamos por mensaje de texto al {line}. Si no llega en un minuto, pida otro.</numerusform>
                <numerusform>Escriba el código de %n dígitos que enviamos por mensaje de texto al {line}. Si no llega en un minuto, pida otro.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HistoryScreen</name>
        <message numerus="yes">
            <source>%n venta(s) mostradas; hay más al bajar.</source>
            <translation>
                <numerusform>%n venta mostrada; hay más al bajar.</numerusform>
                <numerusform>%n ventas mostradas; hay más al bajar.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n venta(s) en total.</source>
            <translation>
                <numerusform>%n venta en total.</numerusform>
                <numerusform>%n ventas en total.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PackWords</name>
        <message numerus="yes">
            <source>%n día(s)</source>
            <translation>
                <numerusform>%n día</numerusform>
                <numerusform>%n días</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReportChart</name>
        <message numerus="yes">
            <source>%n venta(s)</source>
            <translation>
                <numerusform>%n venta</numerusform>
                <numerusform>%n ventas</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReportScreen</name>
        <message numerus="yes">
            <source>%n venta(s) por revisar</source>
            <translation>
                <numerusform>%n venta por revisar</numerusform>
                <numerusform>%n ventas por revisar</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ShiftReport</name>
        <message numerus="yes">
            <source>%n venta(s)</source>
            <extracomment>The outcomes of earlier shifts' sales a report always shows (then any other state).</extracomment>
            <translation>
                <numerusform>%n venta</numerusform>
                <numerusform>%n ventas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Para seguimiento: %n venta(s)</source>
            <translation>
                <numerusform>Para seguimiento: %n venta</numerusform>
                <numerusform>Para seguimiento: %n ventas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… y %n venta(s) más (véalas en el historial).</source>
            <translation>
                <numerusform>… y %n venta más (véala en el historial).</numerusform>
                <numerusform>… y %n ventas más (véalas en el historial).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Wiring</name>
        <message numerus="yes">
            <source>%n pagada(s) sin entregar</source>
            <translation>
                <numerusform>%n pagada sin entregar</numerusform>
                <numerusform>%n pagadas sin entregar</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n en seguimiento manual</source>
            <translation>
                <numerusform>%n en seguimiento manual</numerusform>
                <numerusform>%n en seguimiento manual</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message numerus="yes">
            <source>La pasarela de pago informó un valor con centavos (%n centavo(s)), que la tienda no maneja. Anote la referencia y consulte al administrador.</source>
            <translation>
                <numerusform>La pasarela de pago informó un valor con centavos (%n centavo), que la tienda no maneja. Anote la referencia y consulte al administrador.</numerusform>
                <numerusform>La pasarela de pago informó un valor con centavos (%n centavos), que la tienda no maneja. Anote la referencia y consulte al administrador.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Hay %n dato(s) del pagador por corregir. Revise los campos marcados e inténtelo de nuevo.</source>
            <translation>
                <numerusform>Hay %n dato del pagador por corregir. Revise el campo marcado e inténtelo de nuevo.</numerusform>
                <numerusform>Hay %n datos del pagador por corregir. Revise los campos marcados e inténtelo de nuevo.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n entrada(s)</source>
            <translation>
                <numerusform>%n entrada</numerusform>
                <numerusform>%n entradas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n venta(s)</source>
            <translation>
                <numerusform>%n venta</numerusform>
                <numerusform>%n ventas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Esta línea se recargó hace menos de 2 minutos y el operador todavía no acepta otra recarga. Intente de nuevo en %n segundo(s); no se cobró nada.</source>
            <translation>
                <numerusform>Esta línea se recargó hace menos de 2 minutos y el operador todavía no acepta otra recarga. Intente de nuevo en %n segundo; no se cobró nada.</numerusform>
                <numerusform>Esta línea se recargó hace menos de 2 minutos y el operador todavía no acepta otra recarga. Intente de nuevo en %n segundos; no se cobró nada.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Esta línea ya tuvo %n venta(s) hoy y el máximo de la tienda es {maximum} por línea al día; no se cobró nada. Se podrá recargar de nuevo mañana.</source>
            <translation>
                <numerusform>Esta línea ya tuvo %n venta hoy y el máximo de la tienda es {maximum} por línea al día; no se cobró nada. Se podrá recargar de nuevo mañana.</numerusform>
                <numerusform>Esta línea ya tuvo %n ventas hoy y el máximo de la tienda es {maximum} por línea al día; no se cobró nada. Se podrá recargar de nuevo mañana.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Este punto de venta ya hizo %n venta(s) en la última hora y el máximo de la tienda es {maximum} por hora; no se cobró nada. Intente de nuevo en unos minutos o avise al encargado.</source>
            <translation>
                <numerusform>Este punto de venta ya hizo %n venta en la última hora y el máximo de la tienda es {maximum} por hora; no se cobró nada. Intente de nuevo en unos minutos o avise al encargado.</numerusform>
                <numerusform>Este punto de venta ya hizo %n ventas en la última hora y el máximo de la tienda es {maximum} por hora; no se cobró nada. Intente de nuevo en unos minutos o avise al encargado.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n venta(s) exportada(s) a {path} (del {first} al {last}).</source>
            <translation>
                <numerusform>%n venta exportada a {path} (del {first} al {last}).</numerusform>
                <numerusform>%n ventas exportadas a {path} (del {first} al {last}).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n entrada(s) del diario exportada(s) a {path}, último hash {last_hash}. Para verificarla en otro equipo: kiosk journal verify --json {path}</source>
            <translation>
                <numerusform>%n entrada del diario exportada a {path}, último hash {last_hash}. Para verificarla en otro equipo: kiosk journal verify --json {path}</numerusform>
                <numerusform>%n entradas del diario exportadas a {path}, último hash {last_hash}. Para verificarla en otro equipo: kiosk journal verify --json {path}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No se guardó nada: revise %n campo(s) marcado(s).</source>
            <translation>
                <numerusform>No se guardó nada: revise el campo marcado.</numerusform>
                <numerusform>No se guardó nada: revise los %n campos marcados.</numerusform>
            </translation>
        </message>
    </context>
</TS>
