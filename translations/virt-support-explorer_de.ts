<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CheckReport</name>
    <message>
        <source> for libvirt %1</source>
        <translation> für libvirt %1</translation>
    </message>
    <message>
        <source>not checked: %1</source>
        <translation>nicht geprüft: %1</translation>
    </message>
    <message numerus="yes">
        <source>invalid: %n schema error(s)</source>
        <translation>
            <numerusform>ungültig: %n Schemafehler</numerusform>
            <numerusform>ungültig: %n Schemafehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, perhaps only because the schema predates %n item(s) it uses (%1): validate with a newer release&apos;s schemas</source>
        <translation>
            <numerusform>, vielleicht nur, weil das Schema älter ist als %n verwendeter Eintrag (%1): mit den Schemata einer neueren Version prüfen</numerusform>
            <numerusform>, vielleicht nur, weil das Schema älter ist als %n verwendete Einträge (%1): mit den Schemata einer neueren Version prüfen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>too new%1: %n item(s) newer</source>
        <translation>
            <numerusform>zu neu%1: %n Eintrag ist neuer</numerusform>
            <numerusform>zu neu%1: %n Einträge sind neuer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>may be too new%1: %n item(s) whose since range includes it</source>
        <translation>
            <numerusform>vielleicht zu neu%1: %n Eintrag, dessen Since-Bereich sie einschließt</numerusform>
            <numerusform>vielleicht zu neu%1: %n Einträge, deren Since-Bereich sie einschließt</numerusform>
        </translation>
    </message>
    <message>
        <source>supported but tainted%1: %2</source>
        <translation>unterstützt%1, aber als „tainted“ markiert: %2</translation>
    </message>
    <message>
        <source>supported%1 but uses namespace extensions (%2): no long-term guarantee</source>
        <translation>unterstützt%1, verwendet aber Namensraum-Erweiterungen (%2): keine langfristige Zusage</translation>
    </message>
    <message>
        <source>supported as is%1</source>
        <translation>unverändert unterstützt%1</translation>
    </message>
    <message>
        <source>; also tainted: %1</source>
        <translation>; außerdem als „tainted“ markiert: %1</translation>
    </message>
    <message>
        <source>; uses namespace extensions (%1)</source>
        <translation>; verwendet Namensraum-Erweiterungen (%1)</translation>
    </message>
    <message>
        <source>too new%1</source>
        <translation>zu neu%1</translation>
    </message>
    <message numerus="yes">
        <source> rejected by that release&apos;s own schema: %n error(s)</source>
        <translation>
            <numerusform> vom eigenen Schema dieser Version abgelehnt: %n Fehler</numerusform>
            <numerusform> vom eigenen Schema dieser Version abgelehnt: %n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n more may be (their since range includes it)</source>
        <translation>
            <numerusform>, %n weiterer vielleicht (dessen Since-Bereich sie einschließt)</numerusform>
            <numerusform>, %n weitere vielleicht (deren Since-Bereich sie einschließt)</numerusform>
        </translation>
    </message>
    <message>
        <source>recorded by libvirt for the running guest, line %1</source>
        <translation>von libvirt für den laufenden Gast vermerkt, Zeile %1</translation>
    </message>
    <message>
        <source>recorded by libvirt</source>
        <translation>von libvirt vermerkt</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>symbol version</source>
        <translation>Symbolversion</translation>
    </message>
    <message>
        <source>linker version script</source>
        <translation>Linker-Versionsskript</translation>
    </message>
    <message>
        <source>Since tag</source>
        <translation>Since-Angabe</translation>
    </message>
    <message>
        <source>API XML version</source>
        <translation>Version laut API-XML</translation>
    </message>
    <message>
        <source>documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API-Version</translation>
    </message>
    <message>
        <source>first indexed release</source>
        <translation>erste indizierte Version</translation>
    </message>
    <message>
        <source>driver table</source>
        <translation>Treibertabelle</translation>
    </message>
    <message>
        <source>release history</source>
        <translation>Versionsgeschichte</translation>
    </message>
    <message>
        <source>not in %1</source>
        <translation>nicht in %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>, not in %1</source>
        <translation>, nicht in %1</translation>
    </message>
    <message>
        <source>, no older release indexed</source>
        <translation>, keine ältere Version indiziert</translation>
    </message>
    <message>
        <source>; not used to date it</source>
        <translation>; nicht zur Datierung verwendet</translation>
    </message>
    <message>
        <source>in %1: %2</source>
        <translation>in %1: %2</translation>
    </message>
    <message>
        <source>not in %1: %2</source>
        <translation>nicht in %1: %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 &lt; since ≤ %2</source>
        <translation>%1 &lt; seit ≤ %2</translation>
    </message>
    <message>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>first in %1</source>
        <translation>zuerst in %1</translation>
    </message>
    <message>
        <source>first in %1, absent from %2</source>
        <translation>zuerst in %1, fehlt in %2</translation>
    </message>
    <message>
        <source>%1 in %2 (release history)</source>
        <translation>%1 in %2 (Versionsgeschichte)</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>no older release known to lack it</source>
        <translation>keine ältere Version bekannt, der es fehlt</translation>
    </message>
    <message>
        <source>first indexed release, read from %1</source>
        <translation>erste indizierte Version, gelesen aus %1</translation>
    </message>
</context>
<context>
    <name>ItemKind</name>
    <message>
        <source>function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>enum</source>
        <translation>Aufzählung</translation>
    </message>
    <message>
        <source>enum value</source>
        <translation>Aufzählungswert</translation>
    </message>
    <message>
        <source>struct</source>
        <translation>Struktur</translation>
    </message>
    <message>
        <source>union</source>
        <translation>Union</translation>
    </message>
    <message>
        <source>typedef</source>
        <translation>Typdefinition</translation>
    </message>
    <message>
        <source>callback type</source>
        <translation>Callback-Typ</translation>
    </message>
    <message>
        <source>macro</source>
        <translation>Makro</translation>
    </message>
    <message>
        <source>variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>XML element</source>
        <translation>XML-Element</translation>
    </message>
    <message>
        <source>XML attribute</source>
        <translation>XML-Attribut</translation>
    </message>
    <message>
        <source>XML value</source>
        <translation>XML-Wert</translation>
    </message>
    <message>
        <source>RPC procedure</source>
        <translation>RPC-Prozedur</translation>
    </message>
    <message>
        <source>RPC type</source>
        <translation>RPC-Typ</translation>
    </message>
    <message>
        <source>RPC constant</source>
        <translation>RPC-Konstante</translation>
    </message>
    <message>
        <source>RPC program</source>
        <translation>RPC-Programm</translation>
    </message>
    <message>
        <source>virsh command</source>
        <translation>virsh-Befehl</translation>
    </message>
    <message>
        <source>virsh option</source>
        <translation>virsh-Option</translation>
    </message>
    <message>
        <source>configuration option</source>
        <translation>Konfigurationsoption</translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>_LAST values mark the current end of the enumeration and grow between releases: never store them or compare against them.</source>
        <translation>_LAST-Werte markieren das derzeitige Ende der Aufzählung und wachsen von Version zu Version: niemals speichern und nie mit ihnen vergleichen.</translation>
    </message>
</context>
<context>
    <name>PolicyData</name>
    <message>
        <source>stable</source>
        <translation>stabil</translation>
    </message>
    <message>
        <source>Kept forever: never removed, renamed or changed incompatibly (C API: ABI-compatible; XML: elements, attributes and values stay). New flags, enum values and XML may be added; *_LAST values grow between releases; a hypervisor may still reject what it does not support.</source>
        <translation>Bleibt für immer erhalten: wird nie entfernt, umbenannt oder inkompatibel geändert (C-API: ABI-kompatibel; XML: Elemente, Attribute und Werte bleiben). Neue Flags, Aufzählungswerte und XML können hinzukommen; *_LAST-Werte wachsen zwischen Versionen; ein Hypervisor kann trotzdem ablehnen, was er nicht unterstützt.</translation>
    </message>
    <message>
        <source>hypervisor-specific</source>
        <translation>hypervisorspezifisch</translation>
    </message>
    <message>
        <source>May be removed or change meaning in any release; some calls mark the running guest as tainted.</source>
        <translation>Kann in jeder Version entfernt werden oder seine Bedeutung ändern; manche Aufrufe markieren den laufenden Gast als „tainted“ (unsauber).</translation>
    </message>
    <message>
        <source>stable value, changeable use</source>
        <translation>stabiler Wert, veränderliche Verwendung</translation>
    </message>
    <message>
        <source>The number never changes, but which code an API reports for a given failure may change between releases.</source>
        <translation>Die Nummer ändert sich nie, aber welchen Code eine API für einen bestimmten Fehler meldet, kann sich zwischen Versionen ändern.</translation>
    </message>
    <message>
        <source>namespace extension</source>
        <translation>Namensraum-Erweiterung</translation>
    </message>
    <message>
        <source>Lives in a hypervisor XML namespace: no long-term guarantee, and several of these taint the guest.</source>
        <translation>Gehört zu einem XML-Namensraum eines Hypervisors: keine langfristige Zusage, und mehrere davon markieren den Gast als „tainted“.</translation>
    </message>
    <message>
        <source>stable ABI</source>
        <translation>stabile ABI</translation>
    </message>
    <message>
        <source>Wire protocol of libvirtd: messages are only ever added; a procedure is identified by program and number, which are never reused.</source>
        <translation>Netzwerkprotokoll von libvirtd: Nachrichten kommen nur hinzu; eine Prozedur wird über Programm und Nummer identifiziert, die nie wiederverwendet werden.</translation>
    </message>
    <message>
        <source>stable wire, hypervisor-specific semantics</source>
        <translation>stabiles Protokoll, hypervisorspezifische Bedeutung</translation>
    </message>
    <message>
        <source>The message layout on the wire is kept, but what the call does is as unstable as the hypervisor API it carries.</source>
        <translation>Das Nachrichtenformat bleibt erhalten, aber was der Aufruf bewirkt, ist so unbeständig wie die Hypervisor-API, die er transportiert.</translation>
    </message>
    <message>
        <source>private</source>
        <translation>privat</translation>
    </message>
    <message>
        <source>Internal protocol between libvirt&apos;s own daemons: may change at any time; applications must not talk it.</source>
        <translation>Internes Protokoll zwischen den eigenen Diensten von libvirt: kann sich jederzeit ändern; Anwendungen dürfen es nicht sprechen.</translation>
    </message>
    <message>
        <source>not guaranteed</source>
        <translation>nicht zugesichert</translation>
    </message>
    <message>
        <source>Options may disappear and defaults may change in any release: set the values you rely on explicitly.</source>
        <translation>Optionen können wegfallen und Voreinstellungen sich in jeder Version ändern: Setzen Sie die Werte, auf die Sie sich verlassen, ausdrücklich.</translation>
    </message>
    <message>
        <source>unclassified</source>
        <translation>nicht eingestuft</translation>
    </message>
    <message>
        <source>libvirt&apos;s support policy does not name this interface; the tool does not guess its guarantee.</source>
        <translation>Die Support-Richtlinie von libvirt nennt diese Schnittstelle nicht; das Programm rät keine Zusage.</translation>
    </message>
    <message>
        <source>Extra command-line arguments or environment were passed to the hypervisor process behind libvirt&apos;s back.</source>
        <translation>Dem Hypervisor-Prozess wurden an libvirt vorbei zusätzliche Kommandozeilenargumente oder Umgebungsvariablen übergeben.</translation>
    </message>
    <message>
        <source>Commands were sent straight to the hypervisor monitor, so libvirt&apos;s view of the guest may be wrong.</source>
        <translation>Befehle wurden direkt an den Monitor des Hypervisors geschickt, daher kann das Bild, das libvirt vom Gast hat, falsch sein.</translation>
    </message>
    <message>
        <source>The hypervisor process runs with more privileges than libvirt normally grants.</source>
        <translation>Der Hypervisor-Prozess läuft mit mehr Rechten, als libvirt normalerweise gewährt.</translation>
    </message>
    <message>
        <source>A network interface uses a custom shell script to set itself up.</source>
        <translation>Eine Netzwerkschnittstelle richtet sich mit einem eigenen Shell-Skript ein.</translation>
    </message>
    <message>
        <source>Disk image formats are probed, which a malicious guest image can exploit.</source>
        <translation>Formate von Plattenabbildern werden erraten, was ein bösartiges Gastabbild ausnutzen kann.</translation>
    </message>
    <message>
        <source>The guest process was started outside libvirt and attached afterwards.</source>
        <translation>Der Gastprozess wurde außerhalb von libvirt gestartet und erst danach übernommen.</translation>
    </message>
    <message>
        <source>The guest sees the host CPU as-is, so it cannot be migrated safely to a different host.</source>
        <translation>Der Gast sieht die Host-CPU unverändert und kann daher nicht sicher auf einen anderen Host migriert werden.</translation>
    </message>
    <message>
        <source>A hook script changed the guest&apos;s configuration.</source>
        <translation>Ein Hook-Skript hat die Konfiguration des Gastes geändert.</translation>
    </message>
    <message>
        <source>A host CD-ROM drive is passed straight through to the guest.</source>
        <translation>Ein CD-ROM-Laufwerk des Hosts wird direkt an den Gast durchgereicht.</translation>
    </message>
    <message>
        <source>A custom device tree blob is given to the guest.</source>
        <translation>Der Gast erhält einen eigenen Device-Tree-Blob.</translation>
    </message>
    <message>
        <source>Commands were sent straight to the guest agent.</source>
        <translation>Befehle wurden direkt an den Gastagenten geschickt.</translation>
    </message>
    <message>
        <source>Hypervisor capabilities were switched on or off by hand.</source>
        <translation>Fähigkeiten des Hypervisors wurden von Hand ein- oder ausgeschaltet.</translation>
    </message>
    <message>
        <source>The guest uses configuration the hypervisor has deprecated.</source>
        <translation>Der Gast verwendet Konfiguration, die der Hypervisor als veraltet markiert hat.</translation>
    </message>
    <message>
        <source>Device properties were overridden by hand in the hypervisor namespace.</source>
        <translation>Geräteeigenschaften wurden im Namensraum des Hypervisors von Hand überschrieben.</translation>
    </message>
    <message>
        <source>An nbdkit process serving a disk exited and libvirt could not restart it.</source>
        <translation>Ein nbdkit-Prozess, der eine Platte bereitstellt, endete, und libvirt konnte ihn nicht neu starten.</translation>
    </message>
    <message>
        <source>stable command, unstable output</source>
        <translation>stabiler Befehl, unbeständige Ausgabe</translation>
    </message>
    <message>
        <source>The command and its options stay, but the text it prints for compound data (tables, lists) may change: scripts should ask for a single item (a name, an XML document) instead, e.g. with --name, domname or dumpxml.</source>
        <translation>Der Befehl und seine Optionen bleiben, aber der Text, den er für zusammengesetzte Daten (Tabellen, Listen) ausgibt, kann sich ändern: Skripte sollten stattdessen nach einem einzelnen Wert fragen (einem Namen, einem XML-Dokument), z. B. mit --name, domname oder dumpxml.</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Einf&amp;ügen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Alles auswählen</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nein</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Voreinstellungen</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>&amp;Linkadresse kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Einf&amp;ügen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Alles auswählen</translation>
    </message>
</context>
<context>
    <name>ScanFinding</name>
    <message>
        <source>Newer than the target</source>
        <translation>Neuer als das Ziel</translation>
    </message>
    <message>
        <source>May be newer than the target</source>
        <translation>Vielleicht neuer als das Ziel</translation>
    </message>
    <message>
        <source>Guarded by too old a version</source>
        <translation>Mit einer zu alten Version abgesichert</translation>
    </message>
    <message>
        <source>Hypervisor-specific</source>
        <translation>Hypervisorspezifisch</translation>
    </message>
    <message>
        <source>Taints the guest</source>
        <translation>Markiert den Gast als „tainted“</translation>
    </message>
    <message>
        <source>Private interfaces</source>
        <translation>Private Schnittstellen</translation>
    </message>
    <message>
        <source>Not classified by the policy</source>
        <translation>Von der Richtlinie nicht eingestuft</translation>
    </message>
    <message>
        <source>_LAST values</source>
        <translation>_LAST-Werte</translation>
    </message>
    <message>
        <source>Deprecated aliases</source>
        <translation>Veraltete Aliasnamen</translation>
    </message>
    <message>
        <source>Obsolete guards</source>
        <translation>Überflüssige Versionsprüfungen</translation>
    </message>
    <message>
        <source>Ambiguous Python calls</source>
        <translation>Mehrdeutige Python-Aufrufe</translation>
    </message>
    <message>
        <source>Unknown names</source>
        <translation>Unbekannte Namen</translation>
    </message>
    <message>
        <source>Not in the headers scanned with</source>
        <translation>Nicht in den Headern, mit denen gescannt wurde</translation>
    </message>
    <message>
        <source>Domain XML</source>
        <translation>Domain-XML</translation>
    </message>
    <message>
        <source>Not in libvirt-python</source>
        <translation>Nicht in libvirt-python</translation>
    </message>
    <message>
        <source>%1 is declared only when VIR_ENUM_SENTINELS is defined before libvirt&apos;s headers are included</source>
        <translation>%1 ist nur deklariert, wenn VIR_ENUM_SENTINELS vor dem Einbinden der libvirt-Header definiert ist</translation>
    </message>
    <message>
        <source>%1 is declared in &lt;%2&gt;, which &lt;libvirt/libvirt.h&gt; does not include: include it (and link its library)</source>
        <translation>%1 ist in &lt;%2&gt; deklariert, das &lt;libvirt/libvirt.h&gt; nicht einbindet: binden Sie es ein (und linken Sie seine Bibliothek)</translation>
    </message>
    <message>
        <source>%1 is not declared by the libvirt headers this file was parsed with; it is %2 (in the index): build against a newer libvirt, or guard it</source>
        <translation>%1 ist in den libvirt-Headern, mit denen diese Datei gelesen wurde, nicht deklariert; es gibt es %2 (im Index): gegen ein neueres libvirt bauen oder absichern</translation>
    </message>
    <message>
        <source>%1 is not declared by the libvirt headers this file was parsed with; it is %2 (from the release history, newer than the indexed releases): build against a newer libvirt, or guard it</source>
        <translation>%1 ist in den libvirt-Headern, mit denen diese Datei gelesen wurde, nicht deklariert; es gibt es %2 (aus der Versionsgeschichte, neuer als die indizierten Versionen): gegen ein neueres libvirt bauen oder absichern</translation>
    </message>
    <message>
        <source>&apos;%1&apos; always holds on libvirt %2 and later (the target): the guard and its fallback can go</source>
        <translation>„%1“ gilt immer ab libvirt %2 (dem Ziel): die Abfrage und ihr Ausweichpfad können entfallen</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: libvirt-python has no method %2 (an AttributeError as written); it names the C function so spelled: %3</source>
        <translation>„%1“: libvirt-python hat keine Methode %2 (so geschrieben ein AttributeError); sie benennt die so geschriebene C-Funktion: %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; could be any of %2: the receiver&apos;s type is not known</source>
        <translation>„%1“ kann jede von %2 sein: der Typ des Empfängers ist unbekannt</translation>
    </message>
    <message>
        <source>%1 is not in the index (not a public libvirt name of any indexed release)</source>
        <translation>%1 ist nicht im Index (kein öffentlicher libvirt-Name einer indizierten Version)</translation>
    </message>
    <message>
        <source>%1 is %2, but this code is guarded for libvirt %3 and later</source>
        <translation>%1 gibt es %2, dieser Code ist aber für libvirt ab %3 abgesichert</translation>
    </message>
    <message>
        <source>%1 is %2, newer than the target %3; it is compiled into the program, so the running libvirt must know it</source>
        <translation>%1 gibt es %2, neuer als das Ziel %3; es wird ins Programm kompiliert, also muss das laufende libvirt es kennen</translation>
    </message>
    <message>
        <source>%1 is %2, newer than the target %3; guard it or raise the minimum</source>
        <translation>%1 gibt es %2, neuer als das Ziel %3; sichern Sie es ab oder heben Sie das Minimum an</translation>
    </message>
    <message>
        <source>%1 is %2: the target %3 may not have it; it is compiled into the program, so the running libvirt must know it</source>
        <translation>%1 gibt es %2: dem Ziel %3 fehlt es vielleicht; es wird ins Programm kompiliert, also muss das laufende libvirt es kennen</translation>
    </message>
    <message>
        <source>%1 is %2: the target %3 may not have it; check or guard it</source>
        <translation>%1 gibt es %2: dem Ziel %3 fehlt es vielleicht; prüfen oder absichern</translation>
    </message>
    <message>
        <source>%1 is hypervisor-specific (%2): %3</source>
        <translation>%1 ist hypervisorspezifisch (%2): %3</translation>
    </message>
    <message>
        <source>%1 is private: %2</source>
        <translation>%1 ist privat: %2</translation>
    </message>
    <message>
        <source>%1 (%2) is not named by libvirt&apos;s support policy</source>
        <translation>%1 (%2) wird von der Support-Richtlinie von libvirt nicht genannt</translation>
    </message>
    <message>
        <source>%1 taints the guest: %2 (%3)</source>
        <translation>%1 markiert den Gast als „tainted“: %2 (%3)</translation>
    </message>
    <message>
        <source>%1 grows between releases: never store it or compare values the running libvirt returns against it</source>
        <translation>%1 wächst zwischen Versionen: nie speichern und nie Werte des laufenden libvirt damit vergleichen</translation>
    </message>
    <message>
        <source>%1 is deprecated</source>
        <translation>%1 ist veraltet</translation>
    </message>
    <message>
        <source>%1 is a deprecated alias: use %2</source>
        <translation>%1 ist ein veralteter Alias: verwenden Sie %2</translation>
    </message>
</context>
<context>
    <name>UntrustedXml</name>
    <message>
        <source>refused: the document type declaration names an external DTD (possible XXE)</source>
        <translation>abgelehnt: die Dokumenttyp-Deklaration nennt eine externe DTD (mögliches XXE)</translation>
    </message>
    <message>
        <source>refused: the document declares entities in its DTD (external entities or entity expansion such as &quot;billion laughs&quot;)</source>
        <translation>abgelehnt: das Dokument deklariert Entitäten in seiner DTD (externe Entitäten oder Entitätsexpansion wie „billion laughs“)</translation>
    </message>
    <message>
        <source>refused: the file is larger than 16 MiB</source>
        <translation>abgelehnt: die Datei ist größer als 16 MiB</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>not an XML text file: it contains binary data (byte 0x%1)</source>
        <translation>keine XML-Textdatei: sie enthält Binärdaten (Byte 0x%1)</translation>
    </message>
    <message>
        <source>not an XML file: it does not start with &apos;&lt;&apos;</source>
        <translation>keine XML-Datei: sie beginnt nicht mit „&lt;“</translation>
    </message>
    <message>
        <source>not an XML text file: it is not valid UTF-8</source>
        <translation>keine XML-Textdatei: sie ist kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>kein Speicher mehr</translation>
    </message>
    <message>
        <source>not well-formed XML</source>
        <translation>kein wohlgeformtes XML</translation>
    </message>
    <message>
        <source>not well-formed XML: %1</source>
        <translation>kein wohlgeformtes XML: %1</translation>
    </message>
    <message>
        <source>refused: the document declares entities or an external DTD</source>
        <translation>abgelehnt: das Dokument deklariert Entitäten oder eine externe DTD</translation>
    </message>
    <message>
        <source>refused: the document has more than %1 elements (the checker&apos;s limit; libvirt documents have far fewer, and validation time grows faster than their number)</source>
        <translation>abgelehnt: das Dokument hat mehr als %1 Elemente (die Grenze der Prüfung; libvirt-Dokumente haben weit weniger, und die Prüfzeit wächst schneller als ihre Zahl)</translation>
    </message>
    <message>
        <source>refused: element &lt;%1&gt; (line %2) has more than %3 child elements (the checker&apos;s limit: RelaxNG validation time grows with the square of an element&apos;s children)</source>
        <translation>abgelehnt: Element &lt;%1&gt; (Zeile %2) hat mehr als %3 Kindelemente (die Grenze der Prüfung: die RelaxNG-Prüfzeit wächst mit dem Quadrat der Kindelemente)</translation>
    </message>
    <message>
        <source>refused: element &lt;%1&gt; has more than %2 attributes (the checker&apos;s limit: libxml2 compares each attribute with every other)</source>
        <translation>abgelehnt: Element &lt;%1&gt; hat mehr als %2 Attribute (die Grenze der Prüfung: libxml2 vergleicht jedes Attribut mit jedem anderen)</translation>
    </message>
    <message>
        <source>refused: elements nested more than %1 deep (the checker&apos;s limit)</source>
        <translation>abgelehnt: Elemente mehr als %1 Ebenen tief verschachtelt (die Grenze der Prüfung)</translation>
    </message>
</context>
<context>
    <name>XmlCheck</name>
    <message>
        <source>no usable schemas in this folder</source>
        <translation>keine verwendbaren Schemata in diesem Ordner</translation>
    </message>
    <message>
        <source>no libvirt schema has the root element &lt;%1&gt; (schemas: %2)</source>
        <translation>kein libvirt-Schema hat das Wurzelelement &lt;%1&gt; (Schemata: %2)</translation>
    </message>
    <message>
        <source>element not in the schema index: %1</source>
        <translation>Element nicht im Schema-Index: %1</translation>
    </message>
    <message>
        <source>attribute not in the schema index: %1</source>
        <translation>Attribut nicht im Schema-Index: %1</translation>
    </message>
    <message>
        <source>value not among the enumerated values in the schema index: %1</source>
        <translation>Wert nicht unter den aufgezählten Werten im Schema-Index: %1</translation>
    </message>
    <message>
        <source>%1 marks the guest tainted: %2</source>
        <translation>%1 markiert den Gast als „tainted“: %2</translation>
    </message>
    <message>
        <source>uses %1</source>
        <translation>verwendet %1</translation>
    </message>
    <message>
        <source>%1 is a hypervisor namespace extension: no long-term guarantee</source>
        <translation>%1 ist eine Namensraum-Erweiterung eines Hypervisors: keine langfristige Zusage</translation>
    </message>
    <message>
        <source>not in the schema of the indexed %1: added after it (%2, release history)</source>
        <translation>nicht im Schema der indizierten %1: danach hinzugekommen (%2, Versionsgeschichte)</translation>
    </message>
    <message>
        <source>%1 needs libvirt %2, newer than %3</source>
        <translation>%1 braucht libvirt %2, neuer als %3</translation>
    </message>
    <message>
        <source>%1 came after %2 (%3)</source>
        <translation>%1 kam nach %2 (%3)</translation>
    </message>
    <message>
        <source>%1 may be too new for %2: %3</source>
        <translation>%1 ist vielleicht zu neu für %2: %3</translation>
    </message>
    <message>
        <source>no usable schemas of the target release in this folder</source>
        <translation>keine brauchbaren Schemas der Zielversion in diesem Ordner</translation>
    </message>
    <message>
        <source>libvirt %1&apos;s schema rejects it: %2</source>
        <translation>das Schema von libvirt %1 lehnt es ab: %2</translation>
    </message>
    <message>
        <source>no schema has the root element &lt;%1&gt;</source>
        <translation>kein Schema hat das Wurzelelement &lt;%1&gt;</translation>
    </message>
    <message>
        <source>%1 may be too new for %2: an enumerated value only from %3 to %4, text after that; whether %2 took it as text is not known</source>
        <translation>%1 ist vielleicht zu neu für %2: ein aufgezählter Wert nur von %3 bis %4, danach freier Text; ob %2 ihn als Text annahm, ist nicht bekannt</translation>
    </message>
    <message>
        <source>a guest&apos;s status file (&lt;domstatus&gt;) without its &lt;domain&gt;</source>
        <translation>eine Statusdatei eines Gasts (&lt;domstatus&gt;) ohne ihr &lt;domain&gt;</translation>
    </message>
</context>
<context>
    <name>vse::gui::AppOptions</name>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 braucht einen Wert</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>unbekannte Option %1</translation>
    </message>
    <message>
        <source>--self-check takes a quiz number from 1 to 999999, not %1</source>
        <translation>--self-check erwartet eine Quiz-Nummer von 1 bis 999999, nicht %1</translation>
    </message>
    <message>
        <source>  --help, --version   print this help or the version, and exit (no display needed)
</source>
        <translation>  --help, --version   diese Hilfe bzw. die Version ausgeben und beenden (ohne Anzeige möglich)
</translation>
    </message>
    <message>
        <source>--check-xml: %1: no such file or folder</source>
        <translation>--check-xml: %1: keine solche Datei und kein solcher Ordner</translation>
    </message>
    <message>
        <source>Usage: virt-support-explorer [--index FILE] [--search TEXT] [--select NAME] [--must-support V]
                             [--newer-than V] [--check-xml FILE] [--screenshot FILE]
                             [--benchmark-startup] [--no-auto-index]
                             [--guide] [--present] [--self-check N] [--export-guide FILE]
  --index FILE        use this index file instead of the cache one
  --search TEXT       start with this search text
  --must-support V    start with &quot;Must support ≥ V&quot; (items certainly newer are hidden)
  --newer-than V      start with &quot;Newer than V&quot; (only what is certainly or maybe newer)
  --select NAME       show this item&apos;s details
  --check-xml FILE    open Check domain XML on this file, or on every *.xml of a folder,
                      and check it (the target is the --must-support release)
  --screenshot FILE   save a picture of the window once the index is loaded (with
                      --check-xml: of the check&apos;s verdict), then exit
  --benchmark-startup print the time to the first painted window and the memory, then exit
  --no-auto-index     do not index the installed libvirt when there is no index
  --guide             open the policy guide
  --present           start the policy guide&apos;s presentation mode (full screen; Esc leaves)
  --export-guide FILE write the policy guide as PDF to FILE once the index is loaded, then exit
  --self-check N      start self-check quiz number N (the same number gives the same questions)
</source>
        <translation>Aufruf: virt-support-explorer [--index DATEI] [--search TEXT] [--select NAME] [--must-support V]
                             [--newer-than V] [--check-xml DATEI] [--screenshot DATEI]
                             [--benchmark-startup] [--no-auto-index]
                             [--guide] [--present] [--self-check N] [--export-guide DATEI]
  --index DATEI       diese Indexdatei statt der im Cache verwenden
  --search TEXT       mit diesem Suchtext beginnen
  --must-support V    mit „Muss unterstützen ≥ V“ beginnen (sicher neuere Einträge werden ausgeblendet)
  --newer-than V      mit „Neuer als V“ beginnen (nur, was sicher oder möglicherweise neuer ist)
  --select NAME       die Details dieses Eintrags anzeigen
  --check-xml DATEI   „Domain-XML prüfen“ mit dieser Datei oder mit jeder *.xml eines Ordners
                      öffnen und prüfen (Ziel ist die Version von --must-support)
  --screenshot DATEI  ein Bild des Fensters speichern, sobald der Index geladen ist (mit
                      --check-xml: des Prüfurteils), dann beenden
  --benchmark-startup die Zeit bis zum ersten gezeichneten Fenster und den Speicher ausgeben, dann beenden
  --no-auto-index     das installierte libvirt nicht indizieren, wenn kein Index vorhanden ist
  --guide             den Leitfaden zur Richtlinie öffnen
  --present           den Präsentationsmodus des Leitfadens starten (Vollbild; Esc beendet ihn)
  --export-guide DATEI  den Leitfaden als PDF in DATEI schreiben, sobald der Index geladen ist, dann beenden
  --self-check N      Selbsttest-Quiz Nummer N starten (dieselbe Nummer ergibt dieselben Fragen)
</translation>
    </message>
</context>
<context>
    <name>vse::gui::AuditDialog</name>
    <message>
        <source>Show &amp;allowed changes too</source>
        <translation>Auch &amp;erlaubte Änderungen zeigen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>Policy audit</source>
        <translation>Richtlinienprüfung</translation>
    </message>
    <message>
        <source>Items of a stable tier that a newer indexed release removed or changed are violations of libvirt&apos;s policy; hypervisor-specific, namespace, private and unclassified items may change.</source>
        <translation>Einträge einer stabilen Stufe, die eine neuere indizierte Version entfernt oder geändert hat, verstoßen gegen die Richtlinie von libvirt; hypervisorspezifische, Namensraum-, private und nicht eingestufte Einträge dürfen sich ändern.</translation>
    </message>
    <message>
        <source>Audit findings</source>
        <translation>Prüfergebnisse</translation>
    </message>
    <message>
        <source>Empty audit explanation</source>
        <translation>Erklärung zur leeren Prüfung</translation>
    </message>
    <message>
        <source>Audit summary</source>
        <translation>Zusammenfassung der Prüfung</translation>
    </message>
    <message numerus="yes">
        <source>Auditing %n release(s)…</source>
        <translation>
            <numerusform>Prüfe %n Version …</numerusform>
            <numerusform>Prüfe %n Versionen …</numerusform>
        </translation>
    </message>
    <message>
        <source>Index at least two releases to audit them (Settings → Sources).</source>
        <translation>Indizieren Sie mindestens zwei Versionen, um sie zu prüfen (Einstellungen → Quellen).</translation>
    </message>
    <message>
        <source>No item was removed or changed between the indexed releases.</source>
        <translation>Zwischen den indizierten Versionen wurde kein Eintrag entfernt oder geändert.</translation>
    </message>
    <message>
        <source>No violations: every change is one the policy allows.</source>
        <translation>Keine Verstöße: Jede Änderung ist von der Richtlinie erlaubt.</translation>
    </message>
    <message numerus="yes">
        <source>%n violation(s)</source>
        <translation>
            <numerusform>%n Verstoß</numerusform>
            <numerusform>%n Verstöße</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n allowed change(s)</source>
        <translation>
            <numerusform>%n erlaubte Änderung</numerusform>
            <numerusform>%n erlaubte Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>releases %1</source>
        <translation>Versionen %1</translation>
    </message>
    <message>
        <source>Export audit</source>
        <translation>Prüfung exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;CSV (*.csv)</source>
        <translation>Markdown (*.md);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>vse::gui::AuditModel</name>
    <message>
        <source>Violation</source>
        <translation>Verstoß</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>Activate to show %1 in the explorer</source>
        <translation>Aktivieren, um %1 im Explorer zu zeigen</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>Von → nach</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Was sich änderte</translation>
    </message>
    <message>
        <source>Before (file:line)</source>
        <translation>Vorher (Datei:Zeile)</translation>
    </message>
    <message>
        <source>After (file:line)</source>
        <translation>Nachher (Datei:Zeile)</translation>
    </message>
</context>
<context>
    <name>vse::gui::AuditRunner</name>
    <message>
        <source>Cannot open the index %1.</source>
        <translation>Der Index %1 lässt sich nicht öffnen.</translation>
    </message>
</context>
<context>
    <name>vse::gui::CheckConfigDialog</name>
    <message>
        <source>Check configuration file</source>
        <translation>Konfigurationsdatei prüfen</translation>
    </message>
    <message>
        <source>Checks a daemon configuration file (qemu.conf, libvirtd.conf, virtqemud.conf, …): unknown options, values of the wrong type, options the augeas lens cannot read%1, and with both releases below, the settings the file leaves to a shipped value that changed between them.</source>
        <translation>Prüft eine Konfigurationsdatei eines Daemons (qemu.conf, libvirtd.conf, virtqemud.conf, …): unbekannte Optionen, Werte vom falschen Typ, Optionen, die die Augeas-Lens nicht lesen kann%1, und – wenn unten beide Versionen angegeben sind – die Einstellungen, die die Datei einem mitgelieferten Wert überlässt, der sich zwischen ihnen geändert hat.</translation>
    </message>
    <message>
        <source>, options removed by or newer than %1</source>
        <translation>, Optionen, die in %1 entfernt wurden oder neuer als %1 sind</translation>
    </message>
    <message>
        <source>e.g. 1.2.0</source>
        <translation>z. B. 1.2.0</translation>
    </message>
    <message>
        <source>e.g. 9.0.0</source>
        <translation>z. B. 9.0.0</translation>
    </message>
    <message>
        <source>Shipped values from release</source>
        <translation>Mitgelieferte Werte von Version</translation>
    </message>
    <message>
        <source>to release</source>
        <translation>bis Version</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>Datei ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open configuration file</source>
        <translation>Konfigurationsdatei öffnen</translation>
    </message>
    <message>
        <source>Configuration files (*.conf);;All files (*)</source>
        <translation>Konfigurationsdateien (*.conf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Not checked:</source>
        <translation>Nicht geprüft:</translation>
    </message>
    <message numerus="yes">
        <source>Problems: %n</source>
        <translation>
            <numerusform>Probleme: %n</numerusform>
            <numerusform>Probleme: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>Sauber</translation>
    </message>
    <message numerus="yes">
        <source>No problems, %n note(s)</source>
        <translation>
            <numerusform>Keine Probleme, %n Hinweis</numerusform>
            <numerusform>Keine Probleme, %n Hinweise</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) of %1</source>
        <translation>
            <numerusform>%n Einstellung aus %1</numerusform>
            <numerusform>%n Einstellungen aus %1</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>No problems, but libvirt marks every guest tainted: %1</source>
        <translation>Keine Probleme, aber libvirt markiert jeden Gast als „tainted“: %1</translation>
    </message>
</context>
<context>
    <name>vse::gui::CheckScriptDialog</name>
    <message>
        <source>Check shell script</source>
        <translation>Shell-Skript prüfen</translation>
    </message>
    <message>
        <source>Checks the virsh calls of a shell script (it is read, never run): unknown commands and options%1, deprecated aliases, and pipelines or $(…) that parse a table or list virsh prints, with the stable alternative.</source>
        <translation>Prüft die virsh-Aufrufe eines Shell-Skripts (es wird nur gelesen, nie ausgeführt): unbekannte Befehle und Optionen%1, veraltete Aliase sowie Pipelines oder $(…), die eine von virsh ausgegebene Tabelle oder Liste auswerten, jeweils mit der stabilen Alternative.</translation>
    </message>
    <message>
        <source>, commands and options newer than %1</source>
        <translation>, Befehle und Optionen, die neuer als %1 sind</translation>
    </message>
    <message>
        <source>&amp;Open script…</source>
        <translation>Skript ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open shell script</source>
        <translation>Shell-Skript öffnen</translation>
    </message>
    <message>
        <source>Shell scripts (*.sh *.bash);;All files (*)</source>
        <translation>Shell-Skripte (*.sh *.bash);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Not checked:</source>
        <translation>Nicht geprüft:</translation>
    </message>
    <message numerus="yes">
        <source>Problems: %n</source>
        <translation>
            <numerusform>Probleme: %n</numerusform>
            <numerusform>Probleme: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>Sauber</translation>
    </message>
    <message numerus="yes">
        <source>No problems, %n note(s)</source>
        <translation>
            <numerusform>Keine Probleme, %n Hinweis</numerusform>
            <numerusform>Keine Probleme, %n Hinweise</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n virsh call(s)</source>
        <translation>
            <numerusform>%n virsh-Aufruf</numerusform>
            <numerusform>%n virsh-Aufrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>Shell syntax at %1 (the rest may be misread)</source>
        <translation>Shell-Syntax bei %1 (der Rest wird möglicherweise falsch gelesen)</translation>
    </message>
</context>
<context>
    <name>vse::gui::CheckXmlDialog</name>
    <message>
        <source>pasted XML</source>
        <translation>eingefügtes XML</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Check domain XML</source>
        <translation>Domain-XML prüfen</translation>
    </message>
    <message>
        <source>Paste a libvirt XML document or open a file. Target release: %1.</source>
        <translation>Fügen Sie ein libvirt-XML-Dokument ein oder öffnen Sie eine Datei. Zielversion: %1.</translation>
    </message>
    <message>
        <source>Paste a libvirt XML document or open a file.</source>
        <translation>Fügen Sie ein libvirt-XML-Dokument ein oder öffnen Sie eine Datei.</translation>
    </message>
    <message>
        <source>XML to check</source>
        <translation>Zu prüfendes XML</translation>
    </message>
    <message>
        <source>Check findings</source>
        <translation>Prüfergebnisse</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>Datei ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open libvirt XML</source>
        <translation>libvirt-XML öffnen</translation>
    </message>
    <message>
        <source>XML files (*.xml);;All files (*)</source>
        <translation>XML-Dateien (*.xml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfe …</translation>
    </message>
    <message>
        <source>Cannot check %1: there is no such file or folder.</source>
        <translation>%1 kann nicht geprüft werden: Es gibt keine solche Datei und keinen solchen Ordner.</translation>
    </message>
    <message>
        <source>Cannot check %1: %2</source>
        <translation>%1 kann nicht geprüft werden: %2</translation>
    </message>
    <message>
        <source>Cannot check %1: the folder has no *.xml file (subfolders are not searched).</source>
        <translation>%1 kann nicht geprüft werden: Der Ordner enthält keine *.xml-Datei (Unterordner werden nicht durchsucht).</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n file(s)…</source>
        <translation>
            <numerusform>Prüfe %n Datei …</numerusform>
            <numerusform>Prüfe %n Dateien …</numerusform>
        </translation>
    </message>
    <message>
        <source>Open fol&amp;der…</source>
        <translation>Or&amp;dner öffnen …</translation>
    </message>
    <message>
        <source>Check every *.xml of a folder</source>
        <translation>Jede *.xml eines Ordners prüfen</translation>
    </message>
    <message>
        <source>Cannot check %1 yet: wait for the report of the check that is running.</source>
        <translation>%1 kann noch nicht geprüft werden: Warten Sie auf den Bericht der laufenden Prüfung.</translation>
    </message>
</context>
<context>
    <name>vse::gui::CoreText</name>
    <message>
        <source>installed</source>
        <translation>installiert</translation>
    </message>
    <message>
        <source>source tree</source>
        <translation>Quellbaum</translation>
    </message>
    <message>
        <source>package set</source>
        <translation>Paketsatz</translation>
    </message>
    <message>
        <source>release history (%1)</source>
        <translation>Versionsgeschichte (%1)</translation>
    </message>
    <message>
        <source>release %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>release %1 (%2, %3)</source>
        <translation>Version %1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1 &lt; removed ≤ %2</source>
        <translation>%1 &lt; entfernt ≤ %2</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>(no hypervisor driver implements it any more; the symbol is still exported and calls fail)</source>
        <translation>(kein Hypervisor-Treiber implementiert es mehr; das Symbol wird weiter exportiert, Aufrufe schlagen fehl)</translation>
    </message>
    <message>
        <source>alias of %1</source>
        <translation>Alias für %1</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>positional</source>
        <translation>positionell</translation>
    </message>
    <message>
        <source>Alias of</source>
        <translation>Alias für</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Lens</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Positional</source>
        <translation>Positionell</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Ausgeliefert</translation>
    </message>
    <message>
        <source>Stands for</source>
        <translation>Steht für</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Type (lens)</source>
        <translation>Typ (Lens)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>a single item (stable)</source>
        <translation>ein einzelner Wert (stabil)</translation>
    </message>
    <message>
        <source>compound (a table or list): its layout is not stable</source>
        <translation>zusammengesetzt (Tabelle oder Liste): ihr Aufbau ist nicht stabil</translation>
    </message>
    <message>
        <source>dropped from the shipped file, still read by the lens</source>
        <translation>aus der ausgelieferten Datei entfernt, von der Lens noch gelesen</translation>
    </message>
    <message>
        <source>in the shipped file and read by the lens</source>
        <translation>in der ausgelieferten Datei und von der Lens gelesen</translation>
    </message>
    <message>
        <source>in the shipped file, no lens entry</source>
        <translation>in der ausgelieferten Datei, ohne Lens-Eintrag</translation>
    </message>
    <message>
        <source>(not in the shipped file)</source>
        <translation>(nicht in der ausgelieferten Datei)</translation>
    </message>
    <message>
        <source>shipped release history</source>
        <translation>mitgelieferte Versionsgeschichte</translation>
    </message>
    <message>
        <source>in the shipped file, commented out (not in effect as shipped), and read by the lens</source>
        <translation>in der ausgelieferten Datei, auskommentiert (so ausgeliefert nicht wirksam), und von der Lens gelesen</translation>
    </message>
    <message>
        <source>in the shipped file, commented out (not in effect as shipped), no lens entry</source>
        <translation>in der ausgelieferten Datei, auskommentiert (so ausgeliefert nicht wirksam), ohne Lens-Eintrag</translation>
    </message>
    <message>
        <source>Define</source>
        <translation>Define (Schema)</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>Datentyp</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliasnamen</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namensraum</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>Typedef</source>
        <translation>Typedef</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Ruft auf</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Verborgen</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>Einschränkungen</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Same as</source>
        <translation>Dasselbe wie</translation>
    </message>
    <message>
        <source>release history: absent from %1</source>
        <translation>Versionsgeschichte: fehlt in %1</translation>
    </message>
</context>
<context>
    <name>vse::gui::DetailRenderer</name>
    <message>
        <source>Taints the guest: %1.</source>
        <translation>Markiert den Gast als „tainted“: %1.</translation>
    </message>
    <message>
        <source>Namespace extension.</source>
        <translation>Namensraum-Erweiterung.</translation>
    </message>
    <message>
        <source>This XML lives in a hypervisor namespace; libvirt gives it no long-term guarantee.</source>
        <translation>Dieses XML gehört zu einem Namensraum eines Hypervisors; libvirt gibt dafür keine langfristige Zusage.</translation>
    </message>
    <message>
        <source>Private protocol.</source>
        <translation>Privates Protokoll.</translation>
    </message>
    <message>
        <source>Only libvirt&apos;s own daemons speak this protocol; applications must not use it.</source>
        <translation>Nur die eigenen Dienste von libvirt sprechen dieses Protokoll; Anwendungen dürfen es nicht verwenden.</translation>
    </message>
    <message>
        <source>Hypervisor-specific.</source>
        <translation>Hypervisorspezifisch.</translation>
    </message>
    <message>
        <source>This interface may change or disappear in any release.</source>
        <translation>Diese Schnittstelle kann sich in jeder Version ändern oder verschwinden.</translation>
    </message>
    <message>
        <source>Warning.</source>
        <translation>Warnung.</translation>
    </message>
    <message>
        <source>Sources disagree.</source>
        <translation>Quellen uneinig.</translation>
    </message>
    <message>
        <source>The evidence below names different releases; the strongest one is shown as &quot;since&quot;, or a function&apos;s own Since tag when it names a later release than the version node it was exported in.</source>
        <translation>Die Belege unten nennen verschiedene Versionen; der stärkste wird als „seit“ angezeigt, oder die eigene Since-Angabe einer Funktion, wenn sie eine spätere Version nennt als der Versionsknoten, unter dem sie exportiert wurde.</translation>
    </message>
    <message>
        <source>Since:</source>
        <translation>Seit:</translation>
    </message>
    <message>
        <source>unknown (no evidence)</source>
        <translation>unbekannt (kein Beleg)</translation>
    </message>
    <message>
        <source>All evidence:</source>
        <translation>Alle Belege:</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>Teil von</translation>
    </message>
    <message>
        <source>RPC procedures</source>
        <translation>RPC-Prozeduren</translation>
    </message>
    <message>
        <source>Carries the API</source>
        <translation>Transportiert die API</translation>
    </message>
    <message>
        <source>Access control</source>
        <translation>Zugriffskontrolle</translation>
    </message>
    <message>
        <source>hypervisor: %1</source>
        <translation>Hypervisor: %1</translation>
    </message>
    <message>
        <source>No rule known for this tier.</source>
        <translation>Für diese Stufe ist keine Regel bekannt.</translation>
    </message>
    <message>
        <source>Defined in %1</source>
        <translation>Definiert in %1</translation>
    </message>
    <message>
        <source>Taint reason: %1</source>
        <translation>Taint-Grund: %1</translation>
    </message>
    <message>
        <source>Meaning.</source>
        <translation>Bedeutung.</translation>
    </message>
    <message>
        <source>The catalogue knows no API or XML that triggers this reason; libvirt sets it from the guest&apos;s configuration or the host.</source>
        <translation>Der Katalog kennt keine API und kein XML, das diesen Grund auslöst; libvirt setzt ihn aufgrund der Konfiguration des Gastes oder des Hosts.</translation>
    </message>
    <message>
        <source>Known triggers:</source>
        <translation>Bekannte Auslöser:</translation>
    </message>
    <message>
        <source>(as of %1)</source>
        <translation>(Stand %1)</translation>
    </message>
    <message>
        <source>Synopsis</source>
        <translation>Syntax</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>option</source>
        <translation>Option</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>since</source>
        <translation>seit</translation>
    </message>
    <message>
        <source>No API or XML sets this reason: libvirt sets it from a host condition or the daemon&apos;s configuration, so no indexed item carries it.</source>
        <translation>Keine API und kein XML setzt diesen Grund: libvirt setzt ihn aufgrund eines Zustands des Hosts oder der Konfiguration des Daemons, daher trägt ihn kein indizierter Eintrag.</translation>
    </message>
    <message>
        <source>Not in the indexed releases: added after %1.</source>
        <translation>Nicht in den indizierten Versionen: nach %1 hinzugekommen.</translation>
    </message>
    <message>
        <source>Needs libvirt %1 or newer; the release history knows it.</source>
        <translation>Braucht libvirt %1 oder neuer; die Versionsgeschichte kennt es.</translation>
    </message>
    <message>
        <source>Needs a libvirt newer than %1 (%2); the release history knows it.</source>
        <translation>Braucht ein libvirt neuer als %1 (%2); die Versionsgeschichte kennt es.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>, the release that dropped this path</source>
        <translation>, die Version, die diesen Pfad entfernte</translation>
    </message>
    <message>
        <source>Also at</source>
        <translation>Auch unter</translation>
    </message>
    <message>
        <source>the same name, still there: perhaps it moved (the release history records paths, not moves)</source>
        <translation>derselbe Name, weiterhin vorhanden: vielleicht verschoben (die Versionsgeschichte kennt Pfade, keine Verschiebungen)</translation>
    </message>
    <message>
        <source>The guest&apos;s log says:</source>
        <translation>Das Protokoll des Gasts sagt:</translation>
    </message>
    <message>
        <source>virDomainGetMessages (libvirt 7.1.0 and newer) says:</source>
        <translation>virDomainGetMessages (libvirt 7.1.0 und neuer) sagt:</translation>
    </message>
    <message>
        <source>Taints every guest the daemon starts when the list is not empty: %1.</source>
        <translation>Markiert jeden Gast, den der Daemon startet, als „tainted“, wenn die Liste nicht leer ist: %1.</translation>
    </message>
    <message>
        <source>Taints every guest the daemon starts when set to %1: %2.</source>
        <translation>Markiert jeden Gast, den der Daemon startet, als „tainted“, wenn auf %1 gesetzt: %2.</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>Einstellungen:</translation>
    </message>
</context>
<context>
    <name>vse::gui::DetailView</name>
    <message>
        <source>Item details</source>
        <translation>Details zum Eintrag</translation>
    </message>
    <message>
        <source>%1 is not in the index. Add a source that has it (Settings → Sources).</source>
        <translation>%1 ist nicht im Index. Fügen Sie eine Quelle hinzu, die es enthält (Einstellungen → Quellen).</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>This item is no longer in the index.</source>
        <translation>Dieser Eintrag ist nicht mehr im Index.</translation>
    </message>
</context>
<context>
    <name>vse::gui::FilterBar</name>
    <message>
        <source>Tier group</source>
        <translation>Stufengruppe</translation>
    </message>
    <message>
        <source>Hypervisor</source>
        <translation>Hypervisor</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Target release</source>
        <translation>Zielversion</translation>
    </message>
    <message>
        <source>&amp;Grey out instead of hiding</source>
        <translation>&amp;Ausgrauen statt ausblenden</translation>
    </message>
    <message>
        <source>Search (Ctrl+F), e.g. api:lookup, xml:disk, rpc:migrate</source>
        <translation>Suchen (Strg+F), z. B. api:lookup, xml:disk, rpc:migrate</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>All hypervisors</source>
        <translation>Alle Hypervisoren</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Grey out newer items instead of hiding them</source>
        <translation>Neuere Einträge ausgrauen statt ausblenden</translation>
    </message>
    <message>
        <source>Items excluded by the target release</source>
        <translation>Durch die Zielversion ausgeschlossene Einträge</translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation>&amp;Stufe:</translation>
    </message>
    <message>
        <source>&amp;Hypervisor:</source>
        <translation>&amp;Hypervisor:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>A&amp;rt:</translation>
    </message>
    <message>
        <source>&amp;Release:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <source>Must support ≥</source>
        <translation>Muss unterstützen ≥</translation>
    </message>
    <message>
        <source>Hypervisor-agnostic only</source>
        <translation>Nur hypervisorunabhängige</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) newer than %1 greyed out</source>
        <translation>
            <numerusform>%n Eintrag neuer als %1 ausgegraut</numerusform>
            <numerusform>%n Einträge neuer als %1 ausgegraut</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) newer than %1 hidden</source>
        <translation>
            <numerusform>%n Eintrag neuer als %1 ausgeblendet</numerusform>
            <numerusform>%n Einträge neuer als %1 ausgeblendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Treiber</translation>
    </message>
    <message>
        <source>All drivers</source>
        <translation>Alle Treiber</translation>
    </message>
    <message>
        <source>Only APIs this hypervisor driver implements (from libvirt&apos;s driver support matrix).</source>
        <translation>Nur APIs, die dieser Hypervisor-Treiber implementiert (laut Treiber-Unterstützungsmatrix von libvirt).</translation>
    </message>
    <message>
        <source>Newest of each item</source>
        <translation>Neueste je Eintrag</translation>
    </message>
    <message>
        <source>One row per item, from the newest indexed release that has it; or only the items of one release.</source>
        <translation>Eine Zeile je Eintrag, aus der neuesten indizierten Version, die ihn enthält; oder nur die Einträge einer Version.</translation>
    </message>
    <message>
        <source>&amp;Driver:</source>
        <translation>&amp;Treiber:</translation>
    </message>
    <message>
        <source>Target release means</source>
        <translation>Zielversion bedeutet</translation>
    </message>
    <message>
        <source>I must support libvirt ≥ this release: newer items are hidden or greyed; items whose since range contains it are shown in italics. A release (6.0.0), a package version (9.0.0-4+deb12u2) or a distribution release (debian-12, bookworm, rhel-9).</source>
        <translation>Ich muss libvirt ≥ dieser Version unterstützen: Neuere Einträge werden ausgeblendet oder ausgegraut; Einträge, deren Seit-Bereich sie enthält, werden kursiv angezeigt. Eine Version (6.0.0), eine Paketversion (9.0.0-4+deb12u2) oder eine Distributionsversion (debian-12, bookworm, rhel-9).</translation>
    </message>
    <message>
        <source>Newer than</source>
        <translation>Neuer als</translation>
    </message>
    <message>
        <source>Must support ≥: hide (or grey) what is newer than the release. Newer than: show only what is newer, those that may be newer in italics.</source>
        <translation>Muss unterstützen ≥: ausblenden (oder ausgrauen), was neuer als die Version ist. Neuer als: nur Neueres anzeigen, möglicherweise Neueres kursiv.</translation>
    </message>
    <message numerus="yes">
        <source>Only items newer than %1; %n in italics may be newer (their since range contains it)</source>
        <translation>
            <numerusform>Nur Einträge neuer als %1; %n kursiver Eintrag ist möglicherweise neuer (sein Seit-Bereich enthält die Version)</numerusform>
            <numerusform>Nur Einträge neuer als %1; %n kursive Einträge sind möglicherweise neuer (ihr Seit-Bereich enthält die Version)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n may be newer (in italics: their since range contains %1)</source>
        <translation>
            <numerusform>%n ist möglicherweise neuer (kursiv: sein Seit-Bereich enthält %1)</numerusform>
            <numerusform>%n sind möglicherweise neuer (kursiv: ihr Seit-Bereich enthält %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vse::gui::GuidePdf</name>
    <message>
        <source>libvirt support policy: a guide</source>
        <translation>Die Support-Richtlinie von libvirt: ein Leitfaden</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>vse::gui::HostReportDialog</name>
    <message>
        <source>Support report</source>
        <translation>Support-Bericht</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>Bericht &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the whole report as Markdown, for a ticket</source>
        <translation>Den ganzen Bericht als Markdown kopieren, für ein Ticket</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1 …</translation>
    </message>
    <message>
        <source>The index cannot be opened: %1</source>
        <translation>Der Index kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the host: %1</source>
        <translation>Der Host kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>libvirt&apos;s default host</source>
        <translation>Standard-Host von libvirt</translation>
    </message>
    <message>
        <source>%1 — libvirt %2: %3 guest(s), %4 tainted, %5 using namespace extensions</source>
        <translation>%1 — libvirt %2: Gäste: %3, als „tainted“ markiert: %4, mit Namensraum-Erweiterungen: %5</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Configuration (%1 file(s))</source>
        <translation>Konfiguration (Dateien: %1)</translation>
    </message>
    <message>
        <source>XML: </source>
        <translation>XML: </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>; state: </source>
        <translation>; Zustand: </translation>
    </message>
    <message>
        <source>Not checked: </source>
        <translation>Nicht geprüft: </translation>
    </message>
    <message>
        <source>Taint %1</source>
        <translation>Taint %1</translation>
    </message>
    <message>
        <source>evidence: </source>
        <translation>Beleg: </translation>
    </message>
    <message>
        <source>Deprecated: </source>
        <translation>Veraltet: </translation>
    </message>
    <message>
        <source>Newer than the host: </source>
        <translation>Neuer als der Host: </translation>
    </message>
    <message>
        <source>Note: </source>
        <translation>Hinweis: </translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>namespace extension (%1)</source>
        <translation>Namensraum-Erweiterung (%1)</translation>
    </message>
    <message>
        <source>line %1:</source>
        <translation>Zeile %1:</translation>
    </message>
    <message>
        <source>Refused: </source>
        <translation>Abgelehnt: </translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>log only</source>
        <translation>nur Protokoll</translation>
    </message>
</context>
<context>
    <name>vse::gui::IndexController</name>
    <message>
        <source>indexing failed; the previous index is unchanged: %1</source>
        <translation>Indizierung fehlgeschlagen; der bisherige Index bleibt unverändert: %1</translation>
    </message>
</context>
<context>
    <name>vse::gui::IndexProgramRun</name>
    <message>
        <source>the indexing program virt-support-index is missing (looked for %1)</source>
        <translation>das Indizierungsprogramm virt-support-index fehlt (gesucht: %1)</translation>
    </message>
    <message>
        <source>%1 stopped unexpectedly</source>
        <translation>%1 wurde unerwartet beendet</translation>
    </message>
    <message>
        <source>%1 ended with exit code %2 and no result</source>
        <translation>%1 endete mit Exit-Code %2 und ohne Ergebnis</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
</context>
<context>
    <name>vse::gui::IndexStatusBar</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Number of items shown</source>
        <translation>Anzahl angezeigter Einträge</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>Fortschritt der Indizierung</translation>
    </message>
    <message>
        <source>Cancel indexing</source>
        <translation>Indizierung abbrechen</translation>
    </message>
    <message>
        <source>%1 of %2 items</source>
        <translation>%1 von %2 Einträgen</translation>
    </message>
</context>
<context>
    <name>vse::gui::ItemTableModel</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>The sources disagree about this release; see the details.</source>
        <translation>Die Quellen sind sich über diese Version uneinig; siehe Details.</translation>
    </message>
    <message>
        <source>Newer than the target release %1</source>
        <translation>Neuer als die Zielversion %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Hypervisor</source>
        <translation>Hypervisor</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Removed in</source>
        <translation>Entfernt in</translation>
    </message>
    <message>
        <source>Removed in %1; the details say how.</source>
        <translation>Entfernt in %1; Näheres in den Details.</translation>
    </message>
    <message>
        <source>May be newer than %1: %2 (the releases looked at cannot tell)</source>
        <translation>Möglicherweise neuer als %1: %2 (die untersuchten Versionen lassen es nicht erkennen)</translation>
    </message>
    <message>
        <source>Introduced after %1 (a release known without it) and at the latest in %2.</source>
        <translation>Eingeführt nach %1 (einer Version, die ihn bekanntermaßen nicht enthält) und spätestens in %2.</translation>
    </message>
    <message>
        <source>Present in %1; no older release was looked at.</source>
        <translation>Vorhanden in %1; keine ältere Version wurde untersucht.</translation>
    </message>
    <message>
        <source>newer</source>
        <translation>neuer</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>taints</source>
        <translation>Taint</translation>
    </message>
    <message>
        <source>Not in the indexed releases: added after %1.</source>
        <translation>Nicht in den indizierten Versionen: nach %1 hinzugekommen.</translation>
    </message>
    <message>
        <source>Not in the indexed releases: removed before %1.</source>
        <translation>Nicht in den indizierten Versionen: vor %1 entfernt.</translation>
    </message>
    <message>
        <source>Taints the guest: %1.</source>
        <translation>Markiert den Gast als „tainted“: %1.</translation>
    </message>
    <message>
        <source>taints: using it marks the guest tainted; newer / removed: a row of the shipped release history for an item the indexed releases do not have (added after the newest of them, or removed before).</source>
        <translation>Taint: die Verwendung markiert den Gast als „tainted“; neuer / entfernt: eine Zeile der mitgelieferten Versionsgeschichte für einen Eintrag, den die indizierten Versionen nicht haben (nach der neuesten hinzugekommen oder vorher entfernt).</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>vse::gui::MainWindow</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>virt-support explorer</source>
        <translation>virt-support-Explorer</translation>
    </message>
    <message>
        <source>Interfaces and taint reasons</source>
        <translation>Schnittstellen und Taint-Gründe</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Empty view explanation</source>
        <translation>Erklärung zur leeren Ansicht</translation>
    </message>
    <message>
        <source>Working in the background…</source>
        <translation>Arbeite im Hintergrund …</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Export view…</source>
        <translation>Ansicht &amp;exportieren …</translation>
    </message>
    <message>
        <source>&amp;Check domain XML…</source>
        <translation>Domain-XML &amp;prüfen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Copy &amp;answer</source>
        <translation>&amp;Antwort kopieren</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Vorwärts</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Sources…</source>
        <translation>&amp;Quellen …</translation>
    </message>
    <message>
        <source>&amp;Re-index now</source>
        <translation>Jetzt neu &amp;indizieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Policy guide</source>
        <translation>&amp;Leitfaden zur Richtlinie</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>Ü&amp;ber</translation>
    </message>
    <message>
        <source>About virt-support explorer</source>
        <translation>Über den virt-support-Explorer</translation>
    </message>
    <message>
        <source>Answers &quot;can I rely on this libvirt interface, since which release, and with which caveats?&quot; from an index of libvirt&apos;s API, XML schemas and RPC protocols.</source>
        <translation>Beantwortet „Kann ich mich auf diese libvirt-Schnittstelle verlassen, seit welcher Version und mit welchen Einschränkungen?“ aus einem Index der API, der XML-Schemata und der RPC-Protokolle von libvirt.</translation>
    </message>
    <message>
        <source>Indexing cancelled; the previous index is kept.</source>
        <translation>Indizierung abgebrochen; der bisherige Index bleibt erhalten.</translation>
    </message>
    <message>
        <source>Indexing failed; see Problems for the file it came from.</source>
        <translation>Indizierung fehlgeschlagen; unter „Probleme“ steht, aus welcher Datei der Fehler kam.</translation>
    </message>
    <message numerus="yes">
        <source>Indexed %n release(s)</source>
        <translation>
            <numerusform>%n Version indiziert</numerusform>
            <numerusform>%n Versionen indiziert</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the index… The window stays usable meanwhile.</source>
        <translation>Lese den Index … Das Fenster bleibt währenddessen bedienbar.</translation>
    </message>
    <message>
        <source>No index yet. Add sources in Settings → Sources, or index the installed libvirt with Settings → Re-index now.</source>
        <translation>Noch kein Index. Fügen Sie unter Einstellungen → Quellen Quellen hinzu oder indizieren Sie das installierte libvirt mit Einstellungen → Jetzt neu indizieren.</translation>
    </message>
    <message>
        <source>Nothing matches &quot;%1&quot; with these filters.</source>
        <translation>Mit diesen Filtern passt nichts zu „%1“.</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Ansicht exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json);;Markdown (*.md)</source>
        <translation>CSV (*.csv);;JSON (*.json);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>Policy &amp;audit…</source>
        <translation>Richtlinien&amp;prüfung …</translation>
    </message>
    <message>
        <source>&amp;Scan project…</source>
        <translation>Projekt &amp;scannen …</translation>
    </message>
    <message>
        <source>Open host</source>
        <translation>Host öffnen</translation>
    </message>
    <message>
        <source>libvirt URI (read-only connection; empty: libvirt&apos;s default, e.g. qemu:///system):</source>
        <translation>libvirt-URI (Verbindung nur lesend; leer: Voreinstellung von libvirt, z. B. qemu:///system):</translation>
    </message>
    <message>
        <source>Open sosreport (unpacked folder)</source>
        <translation>sosreport öffnen (entpackter Ordner)</translation>
    </message>
    <message>
        <source>Check con&amp;figuration file…</source>
        <translation>Kon&amp;figurationsdatei prüfen …</translation>
    </message>
    <message>
        <source>Open &amp;host…</source>
        <translation>&amp;Host öffnen …</translation>
    </message>
    <message>
        <source>Open &amp;sosreport…</source>
        <translation>&amp;sosreport öffnen …</translation>
    </message>
    <message>
        <source>Check shell scr&amp;ipt…</source>
        <translation>Shell-Skr&amp;ipt prüfen …</translation>
    </message>
    <message>
        <source>P&amp;resentation mode</source>
        <translation>P&amp;räsentationsmodus</translation>
    </message>
    <message>
        <source>&amp;Self-check…</source>
        <translation>&amp;Selbsttest …</translation>
    </message>
    <message>
        <source>libvirt&apos;s error code %1 has no value in the indexed releases</source>
        <translation>libvirts Fehlercode %1 hat in den indizierten Versionen keinen Wert</translation>
    </message>
    <message>
        <source>libvirt&apos;s error code %1 is %2</source>
        <translation>libvirts Fehlercode %1 ist %2</translation>
    </message>
    <message>
        <source>error domain %1 has no value in the indexed releases</source>
        <translation>Fehlerbereich %1 hat in den indizierten Versionen keinen Wert</translation>
    </message>
    <message>
        <source>error domain %1 is %2</source>
        <translation>Fehlerbereich %1 ist %2</translation>
    </message>
    <message>
        <source>The libvirt files this index was made from have changed: updating it. Until then the window shows the index as it was.</source>
        <translation>Die libvirt-Dateien, aus denen dieser Index erstellt wurde, haben sich geändert: er wird aktualisiert. Bis dahin zeigt das Fenster den bisherigen Index.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is libvirt&apos;s message for %2</source>
        <translation>„%1“ ist libvirts Meldung für %2</translation>
    </message>
    <message>
        <source>%1 is the private symbol version node of libvirt %2: only libvirt&apos;s own programs use it, each with the library of exactly its release. &quot;Not found&quot; means libvirt&apos;s packages are at different versions (a partial upgrade).</source>
        <translation>%1 ist der private Symbolversionsknoten von libvirt %2: nur libvirts eigene Programme nutzen ihn, jedes mit der Bibliothek genau seines Releases. „Not found“ heißt, dass libvirts Pakete verschiedene Versionen haben (ein teilweises Upgrade).</translation>
    </message>
    <message>
        <source>%1 is %2&apos;s symbol version node of libvirt %3: a program that needs it runs on libvirt %3 or newer.</source>
        <translation>%1 ist der Symbolversionsknoten von %2 aus libvirt %3: ein Programm, das ihn braucht, läuft mit libvirt %3 oder neuer.</translation>
    </message>
    <message>
        <source>Its functions: %1.</source>
        <translation>Seine Funktionen: %1.</translation>
    </message>
    <message>
        <source>libvirt marks a guest tainted for these reasons: %1.</source>
        <translation>libvirt markiert einen Gast aus diesen Gründen als „tainted“: %1.</translation>
    </message>
    <message>
        <source>%1 is a reason libvirt marks a guest tainted: %2</source>
        <translation>%1 ist ein Grund, aus dem libvirt einen Gast als „tainted“ markiert: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a taint reason this tool does not know (perhaps a newer libvirt&apos;s).</source>
        <translation>„%1“ ist ein Taint-Grund, den dieses Werkzeug nicht kennt (vielleicht einer eines neueren libvirt).</translation>
    </message>
    <message>
        <source>But no libvirt release this tool knows has it: %1&apos;s nodes go from %2 to %3, so the program was linked against a library that is no libvirt release.</source>
        <translation>Aber keine libvirt-Version, die dieses Werkzeug kennt, hat ihn: die Knoten von %1 reichen von %2 bis %3; das Programm wurde also gegen eine Bibliothek gebunden, die keine libvirt-Version ist.</translation>
    </message>
    <message>
        <source>But no libvirt release has it: %1&apos;s oldest node is %2.</source>
        <translation>Aber keine libvirt-Version hat ihn: der älteste Knoten von %1 ist %2.</translation>
    </message>
    <message>
        <source>It is newer than every %1 node this tool knows (the newest: %2).</source>
        <translation>Er ist neuer als jeder Knoten von %1, den dieses Werkzeug kennt (der neueste: %2).</translation>
    </message>
    <message>
        <source>%1 is the schema of no document: a part other schemas include, or not libvirt&apos;s. The documents&apos; schemas are %2.</source>
        <translation>%1 ist das Schema keines Dokuments: ein Teil, den andere Schemata einbinden, oder nicht von libvirt. Die Schemata der Dokumente sind %2.</translation>
    </message>
    <message>
        <source>%1 is the schema of the documents whose root element is %2.</source>
        <translation>%1 ist das Schema der Dokumente mit dem Wurzelelement %2.</translation>
    </message>
    <message>
        <source>%1 is a connection URI; no indexed driver goes by &quot;%2&quot;.</source>
        <translation>%1 ist eine Verbindungs-URI; kein indizierter Treiber heißt „%2“.</translation>
    </message>
    <message>
        <source>%1 is a connection URI of the %2 driver: choose %2 as the Driver filter (and clear the search) to list the APIs it implements.</source>
        <translation>%1 ist eine Verbindungs-URI des Treibers %2: Wählen Sie %2 als Treiber-Filter (und leeren Sie die Suche), um die APIs aufzulisten, die er implementiert.</translation>
    </message>
</context>
<context>
    <name>vse::gui::PolicyGuide</name>
    <message>
        <source>This is the ground an application can build on. Once an interface of this tier ships in a release, later releases keep it, with the same name, meaning and binary layout. What grows is the set of options: a function may learn new flags, an enumeration may gain members, an XML element may accept new attributes. Code must therefore tolerate values it does not know, and must never treat the current end of an enumeration (the *_LAST members) as fixed. A hypervisor driver may still refuse a stable call or a stable XML value it does not implement, so check the error as well as the release.</source>
        <translation>Auf diesem Fundament kann eine Anwendung aufbauen. Ist eine Schnittstelle dieser Stufe einmal in einer Version erschienen, behalten spätere Versionen sie bei, mit gleichem Namen, gleicher Bedeutung und gleichem Binärformat. Was wächst, sind die Möglichkeiten: Eine Funktion kann neue Flags lernen, eine Aufzählung neue Werte bekommen, ein XML-Element neue Attribute annehmen. Code muss daher mit unbekannten Werten umgehen können und darf das derzeitige Ende einer Aufzählung (die *_LAST-Werte) nie als fest ansehen. Ein Hypervisor-Treiber kann einen stabilen Aufruf oder einen stabilen XML-Wert trotzdem ablehnen, wenn er ihn nicht umsetzt; prüfen Sie also den Fehler und nicht nur die Version.</translation>
    </message>
    <message>
        <source>These calls reach past libvirt&apos;s abstraction into one hypervisor. They exist for debugging, testing and features that have no portable form yet, and they carry no promise between releases. Some of them mark the running guest as tainted, which support teams read as &quot;the state of this guest may not be what libvirt believes&quot;. Prefer a portable call whenever one exists, and keep any use behind a switch you can turn off.</source>
        <translation>Diese Aufrufe greifen an der Abstraktion von libvirt vorbei direkt in einen Hypervisor. Sie dienen der Fehlersuche, Tests und Funktionen, für die es noch keine portable Form gibt, und geben zwischen Versionen keine Zusage. Manche markieren den laufenden Gast als „tainted“, was Support-Teams als „der Zustand dieses Gastes ist vielleicht nicht der, den libvirt annimmt“ lesen. Nehmen Sie einen portablen Aufruf, wann immer es einen gibt, und machen Sie jede Verwendung abschaltbar.</translation>
    </message>
    <message>
        <source>Error codes keep their numbers forever, so a stored or logged code stays meaningful. What is not promised is which code a given failure produces: a new release may report a more precise code for the same problem. Match on codes to present errors, not to decide program flow that must not change.</source>
        <translation>Fehlercodes behalten ihre Nummern für immer, ein gespeicherter oder protokollierter Code bleibt also aussagekräftig. Nicht zugesagt ist, welchen Code ein bestimmter Fehler erzeugt: Eine neue Version kann für dasselbe Problem einen genaueren Code melden. Werten Sie Codes aus, um Fehler darzustellen, nicht um Programmabläufe zu steuern, die sich nicht ändern dürfen.</translation>
    </message>
    <message>
        <source>Domain XML may carry elements from a hypervisor&apos;s own namespace, for example to pass extra arguments to QEMU. They are an escape hatch, not an interface: they may change with the hypervisor, and several of them taint the guest. A configuration that needs one should record why, and be reviewed on every upgrade.</source>
        <translation>Domain-XML kann Elemente aus dem eigenen Namensraum eines Hypervisors enthalten, etwa um QEMU zusätzliche Argumente zu übergeben. Sie sind ein Notausgang, keine Schnittstelle: Sie können sich mit dem Hypervisor ändern, und mehrere markieren den Gast als „tainted“. Eine Konfiguration, die so etwas braucht, sollte den Grund festhalten und bei jedem Update überprüft werden.</translation>
    </message>
    <message>
        <source>The protocol between clients and libvirtd only ever grows. A message is known by its program and procedure number, which are never reused even when a procedure is renamed in the source. Alternative client implementations can rely on this, but most applications should use the C API or a language binding instead of the wire format.</source>
        <translation>Das Protokoll zwischen Clients und libvirtd wächst nur. Eine Nachricht ist über Programm und Prozedurnummer bestimmt, die nie wiederverwendet werden, selbst wenn eine Prozedur im Quelltext umbenannt wird. Alternative Client-Implementierungen können sich darauf verlassen, die meisten Anwendungen sollten aber die C-API oder eine Sprachanbindung statt des Protokolls verwenden.</translation>
    </message>
    <message>
        <source>The hypervisor-specific programs of libvirtd keep their message layout, but they only carry the hypervisor-specific API calls, so their meaning is exactly as unstable as those calls.</source>
        <translation>Die hypervisorspezifischen Programme von libvirtd behalten ihr Nachrichtenformat, transportieren aber nur die hypervisorspezifischen API-Aufrufe; ihre Bedeutung ist daher genauso unbeständig wie diese Aufrufe.</translation>
    </message>
    <message>
        <source>These protocols connect libvirt&apos;s own daemons to each other (locking, logging, administration, the container monitor). Both ends always come from the same libvirt build, so they may change at any time. An application must never speak them.</source>
        <translation>Diese Protokolle verbinden die eigenen Dienste von libvirt untereinander (Sperren, Protokollierung, Verwaltung, Container-Monitor). Beide Seiten stammen immer aus demselben libvirt-Build, daher können sie sich jederzeit ändern. Eine Anwendung darf sie nie sprechen.</translation>
    </message>
    <message>
        <source>Daemon configuration files are meant for administrators. Options may be removed and default values may change from one release to the next, so a deployment should set every value it depends on explicitly and check its configuration after an upgrade.</source>
        <translation>Konfigurationsdateien der Dienste sind für Administratoren gedacht. Optionen können entfallen und Voreinstellungen sich von Version zu Version ändern; eine Installation sollte daher jeden Wert, von dem sie abhängt, ausdrücklich setzen und ihre Konfiguration nach einem Update prüfen.</translation>
    </message>
    <message>
        <source>libvirt&apos;s support policy does not say what it promises for these interfaces (the administration library, for instance). This tool does not guess: treat them as you would a hypervisor-specific call until the project documents a guarantee.</source>
        <translation>Die Support-Richtlinie von libvirt sagt nicht, was sie für diese Schnittstellen zusagt (etwa für die Verwaltungsbibliothek). Dieses Programm rät nicht: Behandeln Sie sie wie einen hypervisorspezifischen Aufruf, bis das Projekt eine Zusage dokumentiert.</translation>
    </message>
    <message>
        <source>The current index has no items of this tier.</source>
        <translation>Der aktuelle Index hat keine Einträge dieser Stufe.</translation>
    </message>
    <message>
        <source>Examples from the index:</source>
        <translation>Beispiele aus dem Index:</translation>
    </message>
    <message>
        <source>libvirt support policy: a guide</source>
        <translation>Die Support-Richtlinie von libvirt: ein Leitfaden</translation>
    </message>
    <message>
        <source>virsh keeps its commands and their options, so a script that calls a command keeps working. What a command prints for a table or a list is meant for people and may change its columns or spacing. A script should ask for one item at a time (a name with --name, domname, an XML document with dumpxml) rather than cut columns out of a table.</source>
        <translation>virsh behält seine Befehle und deren Optionen, daher funktioniert ein Skript, das einen Befehl aufruft, weiter. Was ein Befehl für eine Tabelle oder Liste ausgibt, ist für Menschen gedacht und kann Spalten oder Abstände ändern. Ein Skript sollte jeweils ein einzelnes Element abfragen (einen Namen mit --name, domname, ein XML-Dokument mit dumpxml), statt Spalten aus einer Tabelle zu schneiden.</translation>
    </message>
    <message>
        <source>%1 (%2: %3)</source>
        <translation>%1 (%2: %3)</translation>
    </message>
    <message>
        <source>taints: %1</source>
        <translation>Taint: %1</translation>
    </message>
    <message>
        <source>The index holds 1 item of this tier.</source>
        <translation>Der Index enthält 1 Eintrag dieser Stufe.</translation>
    </message>
    <message>
        <source>The index holds %1 items of this tier.</source>
        <translation>Der Index enthält %1 Einträge dieser Stufe.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Since and taints</source>
        <translation>Seit und Taint-Gründe</translation>
    </message>
    <message>
        <source>Made with %1 %2 on %3.</source>
        <translation>Erstellt mit %1 %2 am %3.</translation>
    </message>
    <message>
        <source>Indexed releases:</source>
        <translation>Indizierte Versionen:</translation>
    </message>
    <message>
        <source>One page per tier follows: what the tier promises, what it does not, how many items of the index it covers, and examples.</source>
        <translation>Es folgt eine Seite je Stufe: was die Stufe zusagt, was nicht, wie viele Einträge des Index sie umfasst, und Beispiele.</translation>
    </message>
</context>
<context>
    <name>vse::gui::PolicyGuideDialog</name>
    <message>
        <source>Policy guide</source>
        <translation>Leitfaden zur Richtlinie</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken …</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Als &amp;PDF exportieren …</translation>
    </message>
    <message>
        <source>Export policy guide</source>
        <translation>Leitfaden exportieren</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Pre&amp;sent</source>
        <translation>Prä&amp;sentieren</translation>
    </message>
    <message>
        <source>Self-&amp;check…</source>
        <translation>Selbst&amp;test …</translation>
    </message>
    <message>
        <source>Print failed</source>
        <translation>Drucken fehlgeschlagen</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Der Drucker konnte nicht gestartet werden.</translation>
    </message>
</context>
<context>
    <name>vse::gui::PresentationWindow</name>
    <message>
        <source>Policy guide — presentation</source>
        <translation>Leitfaden zur Richtlinie — Präsentation</translation>
    </message>
    <message>
        <source>Slide</source>
        <translation>Folie</translation>
    </message>
    <message>
        <source>libvirt support policy</source>
        <translation>Die Support-Richtlinie von libvirt</translation>
    </message>
    <message>
        <source>What each kind of interface promises, with examples from the index.</source>
        <translation>Was jede Art von Schnittstelle zusagt, mit Beispielen aus dem Index.</translation>
    </message>
    <message>
        <source>Indexed releases: %1</source>
        <translation>Indizierte Versionen: %1</translation>
    </message>
    <message>
        <source>The current index has no items of this tier.</source>
        <translation>Der aktuelle Index hat keine Einträge dieser Stufe.</translation>
    </message>
    <message>
        <source>The index holds 1 item of this tier.</source>
        <translation>Der Index enthält 1 Eintrag dieser Stufe.</translation>
    </message>
    <message>
        <source>The index holds %1 items of this tier.</source>
        <translation>Der Index enthält %1 Einträge dieser Stufe.</translation>
    </message>
    <message>
        <source>For example:</source>
        <translation>Zum Beispiel:</translation>
    </message>
    <message>
        <source>tier: %1</source>
        <translation>Stufe: %1</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>Seit %1</translation>
    </message>
    <message>
        <source>Taints the guest: %1</source>
        <translation>Markiert den Gast als „tainted“: %1</translation>
    </message>
    <message>
        <source>%1 / %2   ← → Space: next / previous — Esc: leave</source>
        <translation>%1 / %2   ← → Leertaste: weiter / zurück — Esc: beenden</translation>
    </message>
</context>
<context>
    <name>vse::gui::ProblemsPanel</name>
    <message>
        <source>Indexing problems</source>
        <translation>Probleme beim Indizieren</translation>
    </message>
</context>
<context>
    <name>vse::gui::PythonNameHint</name>
    <message>
        <source>libvirt-python&apos;s constants and classes keep their C names: %1.</source>
        <translation>Die Konstanten und Klassen von libvirt-python tragen ihre C-Namen: %1.</translation>
    </message>
    <message>
        <source>Reading libvirt-python&apos;s names…</source>
        <translation>Die Namen von libvirt-python werden gelesen …</translation>
    </message>
    <message>
        <source>It reads as libvirt-python, whose names come from its libvirt.py: %1</source>
        <translation>Das liest sich wie libvirt-python, dessen Namen aus seiner libvirt.py kommen: %1</translation>
    </message>
    <message>
        <source>libvirt-python has no %1: %2 calls %3.</source>
        <translation>libvirt-python hat kein %1: %2 ruft %3 auf.</translation>
    </message>
    <message>
        <source>In libvirt-python, %1 calls %2.</source>
        <translation>In libvirt-python ruft %1 die Funktion %2 auf.</translation>
    </message>
    <message>
        <source>In libvirt-python, %1 is a method of several classes: %2.</source>
        <translation>In libvirt-python ist %1 eine Methode mehrerer Klassen: %2.</translation>
    </message>
</context>
<context>
    <name>vse::gui::ReleaseFactsHtml</name>
    <message>
        <source>No hypervisor driver implements it any more; the symbol is still exported and calls fail.</source>
        <translation>Kein Hypervisor-Treiber implementiert es mehr; das Symbol wird weiter exportiert, Aufrufe schlagen fehl.</translation>
    </message>
    <message>
        <source>Removed in %1</source>
        <translation>Entfernt in %1</translation>
    </message>
    <message>
        <source>— a stable interface:</source>
        <translation>— eine stabile Schnittstelle:</translation>
    </message>
    <message>
        <source>see the audit</source>
        <translation>siehe die Richtlinienprüfung</translation>
    </message>
    <message>
        <source>(allowed for %1)</source>
        <translation>(erlaubt für %1)</translation>
    </message>
    <message>
        <source>Indexed releases that have it</source>
        <translation>Indizierte Versionen, die es enthalten</translation>
    </message>
    <message>
        <source>Removed in</source>
        <translation>Entfernt in</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>Andere Namen</translation>
    </message>
    <message>
        <source>Hypervisor drivers implementing it:</source>
        <translation>Hypervisor-Treiber, die es implementieren:</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Treiber</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Release history</source>
        <translation>Versionsgeschichte</translation>
    </message>
    <message>
        <source>Accepted before</source>
        <translation>Früher akzeptiert</translation>
    </message>
    <message>
        <source>as plain text in %1 and before, while %2 took any value</source>
        <translation>als einfacher Text in %1 und früher, als %2 noch jeden Wert annahm</translation>
    </message>
    <message>
        <source>Shown from</source>
        <translation>Angezeigt aus</translation>
    </message>
    <message>
        <source>the release history&apos;s %1: no indexed release has this item&apos;s files</source>
        <translation>aus der Versionsgeschichte (%1): keine indizierte Version enthält die Dateien dieses Eintrags</translation>
    </message>
    <message>
        <source>the release history&apos;s %1: newer than every indexed release with this kind of data (the newest is %2)</source>
        <translation>aus der Versionsgeschichte (%1): neuer als jede indizierte Version mit dieser Art von Daten (die neueste ist %2)</translation>
    </message>
    <message>
        <source>the release history&apos;s %1: removed before the indexed releases</source>
        <translation>aus der Versionsgeschichte (%1): vor den indizierten Versionen entfernt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>the history&apos;s first release from %1 on is %2</source>
        <translation>die erste Version der Versionsgeschichte ab %1 ist %2</translation>
    </message>
    <message>
        <source>the history&apos;s releases after %1 have no data for it</source>
        <translation>die Versionen der Versionsgeschichte nach %1 enthalten keine Daten dazu</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>From the shipped release history (%1): no indexed release has hvsupport.html or driver tables.</source>
        <translation>Aus der mitgelieferten Release-Historie (%1): kein indiziertes Release enthält hvsupport.html oder Treibertabellen.</translation>
    </message>
</context>
<context>
    <name>vse::gui::ScanDialog</name>
    <message>
        <source>Scan project</source>
        <translation>Projekt scannen</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>&amp;Scannen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>oldest libvirt to support, e.g. 6.0.0 (optional)</source>
        <translation>älteste zu unterstützende libvirt, z. B. 6.0.0 (optional)</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>Minimum libvirt</source>
        <translation>Mindestens nötige libvirt</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Scan findings</source>
        <translation>Befunde des Scans</translation>
    </message>
    <message>
        <source>Source line</source>
        <translation>Quelltextzeile</translation>
    </message>
    <message>
        <source>Folder to scan</source>
        <translation>Zu scannender Ordner</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a libvirt release number (such as 6.0.0).</source>
        <translation>„%1“ ist keine libvirt-Versionsnummer (wie 6.0.0).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a folder.</source>
        <translation>„%1“ ist kein Ordner.</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Scanne …</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Minimum libvirt: %1 (needed by %2)</source>
        <translation>Mindestens nötige libvirt: %1 (wegen %2)</translation>
    </message>
    <message>
        <source>Minimum libvirt: not determined (no unguarded use with a known since)</source>
        <translation>Mindestversion von libvirt: nicht bestimmt (keine ungeschützte Verwendung mit bekannter Einführungsversion)</translation>
    </message>
    <message numerus="yes">
        <source>Scanned %n file(s)</source>
        <translation>
            <numerusform>%n Datei gescannt</numerusform>
            <numerusform>%n Dateien gescannt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n use(s)</source>
        <translation>
            <numerusform>, %n Verwendung</numerusform>
            <numerusform>, %n Verwendungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n file(s) not scanned or only in part</source>
        <translation>
            <numerusform>; %n Datei nicht oder nur teilweise gescannt</numerusform>
            <numerusform>; %n Dateien nicht oder nur teilweise gescannt</numerusform>
        </translation>
    </message>
    <message>
        <source>The scan failed: %1</source>
        <translation>Der Scan ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>; %n Python call(s) of unknown receiver not listed: whichever function they mean, the answer stays</source>
        <translation>
            <numerusform>; %n Python-Aufruf mit unbekanntem Empfänger nicht aufgeführt: welche Funktion er auch meint, die Antwort bleibt</numerusform>
            <numerusform>; %n Python-Aufrufe mit unbekanntem Empfänger nicht aufgeführt: welche Funktion sie auch meinen, die Antwort bleibt</numerusform>
        </translation>
    </message>
    <message>
        <source>names or paths to leave out, e.g. tests vendor/* (optional)</source>
        <translation>Namen oder Pfade, die ausgelassen werden, z. B. tests vendor/* (optional)</translation>
    </message>
    <message>
        <source>&amp;Leave out:</source>
        <translation>&amp;Auslassen:</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a name or path pattern to leave out (such as tests or vendor/*).</source>
        <translation>&apos;%1&apos; ist kein Namens- oder Pfadmuster zum Auslassen (etwa tests oder vendor/*).</translation>
    </message>
    <message numerus="yes">
        <source>; %n file(s) or folder(s) left out</source>
        <translation>
            <numerusform>; %n Datei oder Ordner ausgelassen</numerusform>
            <numerusform>; %n Dateien oder Ordner ausgelassen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vse::gui::SelfCheck</name>
    <message>
        <source>No taint reason of the catalogue applies to %1 (tier: %2).</source>
        <translation>Kein Taint-Grund des Katalogs trifft auf %1 zu (Stufe: %2).</translation>
    </message>
    <message>
        <source>(source: %1)</source>
        <translation>(Quelle: %1)</translation>
    </message>
    <message>
        <source>%1 marks the guest tainted: %2</source>
        <translation>%1 markiert den Gast als „tainted“: %2</translation>
    </message>
    <message>
        <source>Does %1 (%2) mark the guest tainted?</source>
        <translation>Markiert %1 (%2) den Gast als „tainted“?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Since which libvirt release does %1 (%2) exist?</source>
        <translation>Seit welcher libvirt-Version gibt es %1 (%2)?</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>Seit %1</translation>
    </message>
    <message>
        <source>May a later libvirt release remove %1 (%2) or change what it means?</source>
        <translation>Darf eine spätere libvirt-Version %1 (%2) entfernen oder seine Bedeutung ändern?</translation>
    </message>
    <message>
        <source>Tier %1 (%2): %3</source>
        <translation>Stufe %1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>vse::gui::SelfCheckDialog</name>
    <message>
        <source>&amp;Next question</source>
        <translation>&amp;Nächste Frage</translation>
    </message>
    <message>
        <source>Self-check</source>
        <translation>Selbsttest</translation>
    </message>
    <message>
        <source>Quiz number</source>
        <translation>Quiz-Nummer</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Quiz number:</source>
        <translation>Quiz-Nummer:</translation>
    </message>
    <message>
        <source>Answer and evidence</source>
        <translation>Antwort und Belege</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>The index holds nothing to ask about yet.</source>
        <translation>Der Index enthält noch nichts, wonach gefragt werden könnte.</translation>
    </message>
    <message>
        <source>%1 of %2 answers were right.</source>
        <translation>%1 von %2 Antworten waren richtig.</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Frage %1 von %2</translation>
    </message>
    <message>
        <source>Right: %1.</source>
        <translation>Richtig: %1.</translation>
    </message>
    <message>
        <source>Not quite: the answer is %1.</source>
        <translation>Nicht ganz: Die Antwort lautet %1.</translation>
    </message>
    <message>
        <source>Show %1 in the explorer</source>
        <translation>%1 im Explorer anzeigen</translation>
    </message>
</context>
<context>
    <name>vse::gui::SidebarModel</name>
    <message>
        <source>add a libvirt source tree in Settings → Sources</source>
        <translation>fügen Sie unter Einstellungen → Quellen einen libvirt-Quellbaum hinzu</translation>
    </message>
    <message>
        <source>add an installed libvirt (&quot;/&quot;) or a package set in Settings → Sources</source>
        <translation>fügen Sie unter Einstellungen → Quellen ein installiertes libvirt („/“) oder einen Paketsatz hinzu</translation>
    </message>
    <message>
        <source>Interfaces</source>
        <translation>Schnittstellen</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Public API</source>
        <translation>Öffentliche API</translation>
    </message>
    <message>
        <source>No public API indexed: %1.</source>
        <translation>Keine öffentliche API indiziert: %1.</translation>
    </message>
    <message>
        <source>Hypervisor APIs</source>
        <translation>Hypervisor-APIs</translation>
    </message>
    <message>
        <source>No hypervisor APIs indexed: %1.</source>
        <translation>Keine Hypervisor-APIs indiziert: %1.</translation>
    </message>
    <message>
        <source>Admin API (unclassified)</source>
        <translation>Verwaltungs-API (nicht eingestuft)</translation>
    </message>
    <message>
        <source>No admin API indexed: %1.</source>
        <translation>Keine Verwaltungs-API indiziert: %1.</translation>
    </message>
    <message>
        <source>Error codes</source>
        <translation>Fehlercodes</translation>
    </message>
    <message>
        <source>No error codes indexed: %1.</source>
        <translation>Keine Fehlercodes indiziert: %1.</translation>
    </message>
    <message>
        <source>XML schemas</source>
        <translation>XML-Schemata</translation>
    </message>
    <message>
        <source>No XML schemas indexed: %1.</source>
        <translation>Keine XML-Schemata indiziert: %1.</translation>
    </message>
    <message>
        <source>XML namespace extensions</source>
        <translation>XML-Namensraum-Erweiterungen</translation>
    </message>
    <message>
        <source>No namespace extensions indexed: %1.</source>
        <translation>Keine Namensraum-Erweiterungen indiziert: %1.</translation>
    </message>
    <message>
        <source>RPC protocols</source>
        <translation>RPC-Protokolle</translation>
    </message>
    <message>
        <source>No protocol files indexed: %1.</source>
        <translation>Keine Protokolldateien indiziert: %1.</translation>
    </message>
    <message>
        <source>Private protocols</source>
        <translation>Private Protokolle</translation>
    </message>
    <message>
        <source>No private protocols indexed: %1.</source>
        <translation>Keine privaten Protokolle indiziert: %1.</translation>
    </message>
    <message>
        <source>Configuration files</source>
        <translation>Konfigurationsdateien</translation>
    </message>
    <message>
        <source>Taint reasons</source>
        <translation>Taint-Gründe</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>virsh commands and options</source>
        <translation>virsh-Befehle und -Optionen</translation>
    </message>
    <message>
        <source>No virsh commands indexed: add a libvirt source tree (tools/virsh*.c) in Settings → Sources; without one they come from the shipped release history.</source>
        <translation>Keine virsh-Befehle im Index: Fügen Sie unter Einstellungen → Quellen einen libvirt-Quellbaum (tools/virsh*.c) hinzu; ohne ihn stammen sie aus der mitgelieferten Versionsgeschichte.</translation>
    </message>
    <message>
        <source>virsh: compound output</source>
        <translation>virsh: zusammengesetzte Ausgabe</translation>
    </message>
    <message>
        <source>No virsh command with table or list output indexed: %1.</source>
        <translation>Kein virsh-Befehl mit Tabellen- oder Listenausgabe im Index: %1.</translation>
    </message>
    <message>
        <source>No configuration options indexed: add a source tree, a package set with the daemons&apos; files or an installed /etc/libvirt in Settings → Sources.</source>
        <translation>Keine Konfigurationsoptionen im Index: Fügen Sie unter Einstellungen → Quellen einen Quellbaum, einen Paketsatz mit den Dateien der Dienste oder ein installiertes /etc/libvirt hinzu.</translation>
    </message>
    <message>
        <source>The catalogue knows no trigger of %1.</source>
        <translation>Der Katalog kennt keinen Auslöser für %1.</translation>
    </message>
    <message>
        <source>No API or XML sets %1: libvirt sets it from a host condition or the daemon&apos;s configuration (%2), which no indexed item stands for. The detail pane lists the triggers and their sources.</source>
        <translation>Keine API und kein XML setzt %1: libvirt setzt ihn aufgrund eines Zustands des Hosts oder der Konfiguration des Daemons (%2), für die kein indizierter Eintrag steht. Die Detailansicht listet die Auslöser und ihre Quellen auf.</translation>
    </message>
    <message>
        <source>None of the interfaces that set %1 (%2) is in the indexed releases: add a release that has them in Settings → Sources.</source>
        <translation>Keine der Schnittstellen, die %1 setzen (%2), ist in den indizierten Versionen enthalten: Fügen Sie unter Einstellungen → Quellen eine Version hinzu, die sie enthält.</translation>
    </message>
</context>
<context>
    <name>vse::gui::SourcesDialog</name>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Each source is one libvirt release: &quot;/&quot; for the installed libvirt, a libvirt source tree (git checkout or release tarball), or an unpacked Debian package set. Changing the list re-indexes in the background.</source>
        <translation>Jede Quelle ist eine libvirt-Version: „/“ für das installierte libvirt, ein libvirt-Quellbaum (Git-Checkout oder Release-Tarball) oder ein entpackter Satz Debian-Pakete. Eine Änderung der Liste indiziert im Hintergrund neu.</translation>
    </message>
    <message>
        <source>Indexed sources</source>
        <translation>Indizierte Quellen</translation>
    </message>
    <message>
        <source>Add &amp;folder…</source>
        <translation>&amp;Ordner hinzufügen …</translation>
    </message>
    <message>
        <source>Add &amp;installed libvirt</source>
        <translation>&amp;Installiertes libvirt hinzufügen</translation>
    </message>
    <message>
        <source>Add a libvirt source tree or package set</source>
        <translation>libvirt-Quellbaum oder Paketsatz hinzufügen</translation>
    </message>
</context>
<context>
    <name>vse::gui::WelcomeHtml</name>
    <message>
        <source>Can I rely on this libvirt interface?</source>
        <translation>Kann ich mich auf diese libvirt-Schnittstelle verlassen?</translation>
    </message>
    <message>
        <source>C API: %1 items, %2 of them functions</source>
        <translation>C-API: %1 Einträge, davon %2 Funktionen</translation>
    </message>
    <message>
        <source>XML schemas: %1 elements, attributes and values, %2 of them elements</source>
        <translation>XML-Schemata: %1 Elemente, Attribute und Werte, davon %2 Elemente</translation>
    </message>
    <message>
        <source>RPC protocols: %1 items, %2 of them procedures</source>
        <translation>RPC-Protokolle: %1 Einträge, davon %2 Prozeduren</translation>
    </message>
    <message>
        <source>RPC protocols: not in the installed files; from the release history, %1 items of %3, %2 of them procedures</source>
        <translation>RPC-Protokolle: nicht in den installierten Dateien; aus der Versionsgeschichte %1 Einträge von %3, davon %2 Prozeduren</translation>
    </message>
    <message>
        <source>RPC protocols: none (index a libvirt source tree for them)</source>
        <translation>RPC-Protokolle: keine (indizieren Sie dafür einen libvirt-Quellbaum)</translation>
    </message>
    <message>
        <source>%1 of them mark the guest tainted</source>
        <translation>%1 davon markieren den Gast als „tainted“</translation>
    </message>
    <message>
        <source>Try:</source>
        <translation>Probieren Sie:</translation>
    </message>
    <message>
        <source>Since when does %1 exist, and which drivers implement it?</source>
        <translation>Seit wann gibt es %1, und welche Treiber implementieren es?</translation>
    </message>
    <message>
        <source>Is %1 supported, and does it taint the guest?</source>
        <translation>Wird %1 unterstützt, und markiert es den Gast als „tainted“?</translation>
    </message>
    <message>
        <source>Which public APIs are newer than libvirt %1?</source>
        <translation>Welche öffentlichen APIs sind neuer als libvirt %1?</translation>
    </message>
    <message numerus="yes">
        <source>The indexed release(s) (%2) hold %1 items:</source>
        <translation>
            <numerusform>Die indizierte Version (%2) enthält %1 Einträge:</numerusform>
            <numerusform>Die indizierten Versionen (%2) enthalten %1 Einträge:</numerusform>
        </translation>
    </message>
    <message>
        <source>The shipped release history (%1) adds %2 items no indexed release has: %3 added after %4, %5 removed before it, and %6 of the data it lacks (virsh, configuration files, RPC). The table marks them.</source>
        <translation>Die mitgelieferte Versionsgeschichte (%1) ergänzt %2 Einträge, die keine indizierte Version hat: %3 nach %4 hinzugekommen, %5 davor entfernt und %6 aus Daten, die ihr fehlen (virsh, Konfigurationsdateien, RPC). Die Tabelle kennzeichnet sie.</translation>
    </message>
    <message>
        <source>version unknown</source>
        <translation>Version unbekannt</translation>
    </message>
    <message>
        <source>Or select a row, or search: api:lookup, xml:disk, rpc:migrate, virDomainGet*. Paste what a ticket quotes: an error message, a guest log&apos;s &quot;is tainted&quot; line, a loader&apos;s &quot;version not found&quot;. Click a column header to sort.</source>
        <translation>Oder wählen Sie eine Zeile aus oder suchen Sie: api:lookup, xml:disk, rpc:migrate, virDomainGet*. Fügen Sie ein, was ein Ticket zitiert: eine Fehlermeldung, die „is tainted“-Zeile aus dem Protokoll eines Gasts, ein „version not found“ des Laders. Zum Sortieren auf einen Spaltenkopf klicken.</translation>
    </message>
</context>
<context>
    <name>vse::gui::XmlCheckRunner</name>
    <message>
        <source>No indexed release has XML schemas: add an installed libvirt or a source tree in Settings → Sources.</source>
        <translation>Keine indizierte Version hat XML-Schemata: Fügen Sie unter Einstellungen → Quellen ein installiertes libvirt oder einen Quellbaum hinzu.</translation>
    </message>
    <message>
        <source>Valid against %1.</source>
        <translation>Gültig gegen %1.</translation>
    </message>
    <message>
        <source>Not valid against %1.</source>
        <translation>Nicht gültig gegen %1.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>taints: %1</source>
        <translation>Taint: %1</translation>
    </message>
    <message>
        <source>namespace extension (%1)</source>
        <translation>Namensraum-Erweiterung (%1)</translation>
    </message>
    <message>
        <source>too new for %1</source>
        <translation>zu neu für %1</translation>
    </message>
    <message>
        <source>may be too new for %1</source>
        <translation>möglicherweise zu neu für %1</translation>
    </message>
    <message>
        <source>%1 times</source>
        <translation>%1-mal</translation>
    </message>
    <message>
        <source> (libvirt taints %1)</source>
        <translation> (libvirt setzt diesen Taint: %1)</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Also uses (stable):</source>
        <translation>Verwendet außerdem (stabil):</translation>
    </message>
    <message>
        <source>(schema)</source>
        <translation>(Schema)</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) checked</source>
        <translation>
            <numerusform>%n Datei geprüft</numerusform>
            <numerusform>%n Dateien geprüft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n supported as is</source>
        <translation>
            <numerusform>%n unverändert unterstützt</numerusform>
            <numerusform>%n unverändert unterstützt</numerusform>
        </translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>The status file of an active guest: its &lt;domain&gt;, from line %1, is what was checked.</source>
        <translation>Die Statusdatei eines aktiven Gasts: geprüft wurde ihr &lt;domain&gt; ab Zeile %1.</translation>
    </message>
    <message>
        <source>The status file of an active guest (state: %1): its &lt;domain&gt;, from line %2, is what was checked.</source>
        <translation>Die Statusdatei eines aktiven Gasts (Zustand: %1): geprüft wurde ihr &lt;domain&gt; ab Zeile %2.</translation>
    </message>
    <message>
        <source>Set aside before validation, as libvirt writes them only into status files: %1.</source>
        <translation>Vor der Validierung beiseitegelegt, da libvirt sie nur in Statusdateien schreibt: %1.</translation>
    </message>
    <message>
        <source>Deprecated, libvirt&apos;s record (line %1): %2</source>
        <translation>Veraltet, laut libvirts Vermerk (Zeile %1): %2</translation>
    </message>
</context>
</TS>
