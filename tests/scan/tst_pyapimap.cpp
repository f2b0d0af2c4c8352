// The method -> C function map built from the real libvirt.py of
// python3-libvirt (installed, or bookworm's fetched from Debian's archive),
// checked against the file itself read as plain text: the classes and
// methods counted line by line, and a dozen methods whose bodies are looked
// up in the text.
#include "debianpackages.h"
#include "scan/pythonapimap.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QTest>

using namespace vse;
using namespace vse::scan;

class TestPyApiMap : public QObject
{
    Q_OBJECT
    QString m_binding;
    QString m_text;
    std::optional<PythonApiMap> m_map;

    // The first libvirtmod.virXxx call in the body of `def method` inside
    // `class cls`, found in the text without a parser.
    QString callInText(const QString &cls, const QString &method) const
    {
        const qsizetype c = m_text.indexOf(QStringLiteral("\nclass %1(").arg(cls));
        if (c < 0)
            return {};
        qsizetype end = m_text.indexOf(QLatin1String("\nclass "), c + 1);
        if (end < 0)
            end = m_text.size();
        const qsizetype d = m_text.indexOf(QStringLiteral("\n    def %1(").arg(method), c);
        if (d < 0 || d > end)
            return {};
        qsizetype next = m_text.indexOf(QLatin1String("\n    def "), d + 1);
        if (next < 0 || next > end)
            next = end;
        static const QRegularExpression call(QStringLiteral("libvirtmod\\.(vir\\w+)\\("));
        const auto m = call.match(m_text.mid(d, next - d));
        return m.hasMatch() ? m.captured(1) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        m_binding = testdata::libvirtBinding(&why);
        if (m_binding.isEmpty())
            QSKIP(qPrintable(why));
        QFile f(m_binding);
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_text = QString::fromUtf8(f.readAll());
        Diagnostics problems;
        m_map = PythonApiMap::fromBinding({m_binding}, &problems);
        QVERIFY2(m_map && problems.isEmpty(), qPrintable(problems.value(0).toString()));
        qInfo().noquote() << "binding" << m_binding;
    }

    void countsMatchTheText()
    {
        // Top-level classes and the methods directly inside them (four
        // spaces of indentation), counted line by line.
        static const QRegularExpression classRe(QStringLiteral("^class \\w+"),
                                                QRegularExpression::MultilineOption);
        static const QRegularExpression methodRe(QStringLiteral("^    def \\w+\\("),
                                                 QRegularExpression::MultilineOption);
        static const QRegularExpression constRe(QStringLiteral("^VIR_\\w+ = "),
                                                QRegularExpression::MultilineOption);
        int classes = 0, methods = 0, constants = 0;
        for (auto it = classRe.globalMatch(m_text); it.hasNext(); it.next())
            ++classes;
        for (auto it = methodRe.globalMatch(m_text); it.hasNext(); it.next())
            ++methods;
        for (auto it = constRe.globalMatch(m_text); it.hasNext(); it.next())
            ++constants;
        qInfo().noquote() << QStringLiteral(
                                 "libvirt.py: %1 classes, %2 methods (%3 call a C function), "
                                 "%4 module functions, %5 constants; %6 method names ambiguous")
                                 .arg(m_map->classCount())
                                 .arg(m_map->methodCount())
                                 .arg(m_map->mappedMethodCount())
                                 .arg(m_map->moduleFunctionCount())
                                 .arg(m_map->constantCount())
                                 .arg(m_map->ambiguousMethods().size());
        QCOMPARE(m_map->classCount(), classes);
        QCOMPARE(m_map->methodCount(), methods);
        QCOMPARE(m_map->constantCount(), constants);
        QVERIFY(m_map->mappedMethodCount() > m_map->methodCount() * 3 / 4);
        QVERIFY(m_map->hasConstant(QStringLiteral("VIR_DOMAIN_NONE")));
    }

    void aDozenMethodsAgreeWithTheirBodies_data()
    {
        QTest::addColumn<QString>("cls");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("cFunction");
        const char *rows[][3] = {
            {"virDomain", "create", "virDomainCreate"},
            {"virConnect", "lookupByName", "virDomainLookupByName"},
            {"virDomain", "messages", "virDomainGetMessages"},
            {"virDomain", "XMLDesc", "virDomainGetXMLDesc"},
            {"virDomain", "info", "virDomainGetInfo"},
            {"virConnect", "listAllDomains", "virConnectListAllDomains"},
            {"virConnect", "getLibVersion", "virConnectGetLibVersion"},
            {"virConnect", "defineXML", "virDomainDefineXML"},
            {"virNetwork", "create", "virNetworkCreate"},
            {"virStoragePool", "listAllVolumes", "virStoragePoolListAllVolumes"},
            {"virStorageVol", "delete", "virStorageVolDelete"},
            {"virStream", "send", "virStreamSend"},
            {"virSecret", "setValue", "virSecretSetValue"},
        };
        for (const auto &r : rows)
            QTest::addRow("%s.%s", r[0], r[1])
                << QString::fromLatin1(r[0]) << QString::fromLatin1(r[1])
                << QString::fromLatin1(r[2]);
    }
    void aDozenMethodsAgreeWithTheirBodies()
    {
        QFETCH(QString, cls);
        QFETCH(QString, method);
        QFETCH(QString, cFunction);
        QCOMPARE(callInText(cls, method), cFunction);
        QCOMPARE(m_map->cFunction(cls, method), cFunction);
    }

    void moduleFunctions()
    {
        QCOMPARE(m_map->resolveModuleFunction(QStringLiteral("libvirt"), QStringLiteral("open")),
                 QStringLiteral("virConnectOpen"));
        QCOMPARE(
            m_map->resolveModuleFunction(QStringLiteral("libvirt"), QStringLiteral("openReadOnly")),
            QStringLiteral("virConnectOpenReadOnly"));
        QCOMPARE(
            m_map->resolveModuleFunction(QStringLiteral("libvirt"), QStringLiteral("openAuth")),
            QStringLiteral("virConnectOpenAuth"));
        QVERIFY(m_map->resolveModuleFunction(QStringLiteral("libvirt"), QStringLiteral("virDomain"))
                    .isEmpty());
    }

    void unambiguousOrCandidates()
    {
        // lookupByName is virConnect's alone; create exists in five classes.
        const PythonResolution one = m_map->resolveMethod(QStringLiteral("lookupByName"));
        QCOMPARE(one.symbol, QStringLiteral("virDomainLookupByName"));
        QVERIFY(one.candidates.isEmpty());
        const PythonResolution many = m_map->resolveMethod(QStringLiteral("create"));
        QVERIFY(many.symbol.isEmpty());
        QVERIFY(many.candidates.contains(QStringLiteral("virDomainCreate")));
        QVERIFY(many.candidates.contains(QStringLiteral("virNetworkCreate")));
        // Every candidate is what some class's create() calls, by the text.
        for (const QString &c : many.candidates) {
            bool found = false;
            for (const char *cls : {"virDomain", "virNetwork", "virStoragePool", "virInterface",
                                    "virNodeDevice", "virSecret", "virNWFilter"})
                found = found || callInText(QLatin1String(cls), QStringLiteral("create")) == c;
            QVERIFY2(found, qPrintable(c));
        }
        QVERIFY(m_map->ambiguousMethods().contains(QStringLiteral("create")));
        QVERIFY(!m_map->ambiguousMethods().contains(QStringLiteral("lookupByName")));
        QVERIFY(m_map->resolveMethod(QStringLiteral("noSuchMethod")).candidates.isEmpty());
    }

    void cSpellingsOfRenamedMethods()
    {
        // The binding calls virDomainGetMessages messages(); the C spelling
        // getMessages is no method of any class (checked in the text), so a
        // call of it fails and the map names what was meant.
        QCOMPARE(callInText(QStringLiteral("virDomain"), QStringLiteral("messages")), QStringLiteral("virDomainGetMessages"));
        QVERIFY(!m_text.contains(QLatin1String("def getMessages(")));
        const QList<PythonApiMap::CSpelled> one = m_map->cSpelled(QStringLiteral("getMessages"));
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.first().cFunction, QStringLiteral("virDomainGetMessages"));
        QCOMPARE(one.first().method, QStringLiteral("messages"));
        QCOMPARE(one.first().className, QStringLiteral("virDomain"));
        // Every spelling the map has is no method name, and each of its
        // functions is what that class's method calls, by the text.
        const QStringList names = m_map->cSpelledNames();
        QVERIFY(names.size() > 20);
        for (const QString &name : names) {
            QVERIFY2(m_map->resolveMethod(name).symbol.isEmpty() && m_map->resolveMethod(name).candidates.isEmpty(),
                     qPrintable(name));
            for (const PythonApiMap::CSpelled &c : m_map->cSpelled(name)) {
                QCOMPARE(callInText(c.className, c.method), c.cFunction);
                QVERIFY2(c.cFunction.startsWith(c.className + name.left(1).toUpper() + name.mid(1)), qPrintable(c.cFunction));
            }
        }
        // A name the binding has is a call, not a misspelling (conn.getLibVersion:
        // virConnectGetLibVersion keeps its C spelling).
        QVERIFY(m_map->cSpelled(QStringLiteral("getLibVersion")).isEmpty());
        QCOMPARE(m_map->resolveMethod(QStringLiteral("getLibVersion")).symbol, QStringLiteral("virConnectGetLibVersion"));
    }

    void typedNamesParse_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("module");
        QTest::addColumn<QString>("receiver");
        QTest::addColumn<QString>("member");
        QTest::addRow("call") << "dom.messages()" << "" << "dom" << "messages";
        QTest::addRow("arguments") << "self.conn.lookupByName(name, 0);" << "" << "conn" << "lookupByName";
        QTest::addRow("class") << "libvirt.virDomain.messages" << "libvirt" << "virDomain" << "messages";
        QTest::addRow("module") << "libvirt.open('qemu:///system')" << "libvirt" << "" << "open";
        QTest::addRow("qemu") << "libvirt_qemu.qemuMonitorCommand(d, c, 0)" << "libvirt_qemu" << "" << "qemuMonitorCommand";
        QTest::addRow("constant") << "libvirt.VIR_DOMAIN_RUNNING" << "libvirt" << "" << "VIR_DOMAIN_RUNNING";
        QTest::addRow("spaces") << " dom . state ( ) " << "" << "dom" << "state";
        QTest::addRow("interpreter prompt") << ">>> conn.listAllDomains(0)" << "" << "conn" << "listAllDomains";
    }
    void typedNamesParse()
    {
        QFETCH(QString, typed);
        const auto n = parsePythonName(typed);
        QVERIFY(n);
        QTEST(n->module, "module");
        QTEST(n->receiver, "receiver");
        QTEST(n->member, "member");
    }

    void notPythonNames()
    {
        // No dot, an XML path, a release, a shell word: not read as Python.
        for (const char *typed : {"virDomainCreate", "virDomainCreate()", "domain/devices/disk@device=lun", "7.0.0",
                                  "domstate --reason", "qemu.conf vnc_listen", "dom.messages() + 1"})
            QVERIFY2(!parsePythonName(QLatin1String(typed)), typed);
    }

    void meaningsOfTypedNames()
    {
        const auto meanings = [this](const char *typed) {
            const auto n = parsePythonName(QLatin1String(typed));
            return n ? m_map->meaningsOf(*n) : QList<PythonApiMap::Meaning>();
        };
        // A class written out: that class's method, as its body calls.
        auto m = meanings("libvirt.virDomain.messages");
        QCOMPARE(m.size(), 1);
        QCOMPARE(m.first().cFunction, callInText(QStringLiteral("virDomain"), QStringLiteral("messages")));
        QCOMPARE(m.first().bindingNames, QStringList{QStringLiteral("virDomain.messages")});
        QVERIFY(!m.first().cSpelled);
        // A variable: every class with the method, one meaning per C function.
        m = meanings("pool.create()");
        QStringList functions;
        for (const auto &one : m) {
            functions << one.cFunction;
            QCOMPARE(one.bindingNames.size(), 1);
            const QString cls = one.bindingNames.first().section(QLatin1Char('.'), 0, 0);
            QCOMPARE(callInText(cls, QStringLiteral("create")), one.cFunction);
        }
        QCOMPARE(functions, m_map->resolveMethod(QStringLiteral("create")).candidates);
        // virNetwork.create only, though five classes have create().
        m = meanings("virNetwork.create");
        QCOMPARE(m.size(), 1);
        QCOMPARE(m.first().cFunction, QStringLiteral("virNetworkCreate"));
        // The C spelling: the function, with the method the binding has.
        m = meanings("dom.getState()");
        QCOMPARE(m.size(), 1);
        QCOMPARE(m.first().cFunction, QStringLiteral("virDomainGetState"));
        QCOMPARE(m.first().bindingNames, QStringList{QStringLiteral("virDomain.state")});
        QVERIFY(m.first().cSpelled);
        QCOMPARE(callInText(QStringLiteral("virDomain"), QStringLiteral("state")), QStringLiteral("virDomainGetState"));
        // A class written out narrows a C spelling too (getUUIDString is in six classes).
        QVERIFY(meanings("x.getUUIDString()").size() > 1);
        m = meanings("virNetwork.getUUIDString()");
        QCOMPARE(m.size(), 1);
        QCOMPARE(m.first().cFunction, QStringLiteral("virNetworkGetUUIDString"));
        // Module functions; a name the binding lacks has no meaning.
        m = meanings("libvirt.openReadOnly(None)");
        QCOMPARE(m.size(), 1);
        QCOMPARE(m.first().cFunction, QStringLiteral("virConnectOpenReadOnly"));
        QVERIFY(meanings("dom.frobnicate()").isEmpty());
        QVERIFY(meanings("dom.__del__()").isEmpty());
        QVERIFY(meanings("virDomain.noSuchMethod").isEmpty());
    }

    void qemuSibling()
    {
        const QString qemu = QFileInfo(m_binding).path() + QStringLiteral("/libvirt_qemu.py");
        if (!QFile::exists(qemu))
            QSKIP("no libvirt_qemu.py beside libvirt.py");
        Diagnostics problems;
        const auto map = PythonApiMap::fromBinding({m_binding, qemu}, &problems);
        QVERIFY(map);
        QCOMPARE(map->resolveModuleFunction(QStringLiteral("libvirt_qemu"),
                                            QStringLiteral("qemuMonitorCommand")),
                 QStringLiteral("virDomainQemuMonitorCommand"));
    }

    void brokenBindingIsReported()
    {
        QTemporaryFile f;
        QVERIFY(f.open());
        f.write("class virDomain(object):\n    def create(self:\n");
        f.close();
        Diagnostics problems;
        const auto map = PythonApiMap::fromBinding({f.fileName()}, &problems);
        QVERIFY(!map);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().file, f.fileName());
        QCOMPARE(problems.first().line, 2);
    }
};

QTEST_GUILESS_MAIN(TestPyApiMap)
#include "tst_pyapimap.moc"
