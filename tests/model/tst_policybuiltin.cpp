// The tier table compiled into the program (cmake/VseBuiltinTiers.cmake) is
// the shipped resources/policy/tiers.json: Policy::instance() gives what
// reading that JSON gives, for every tier, origin and namespace.
#include "model/policy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace vse;

class TestPolicyBuiltin : public QObject
{
    Q_OBJECT

private slots:
    void compiledTableIsTheJson()
    {
        const QString dir = qEnvironmentVariable("VSE_SOURCE_DIR") + QStringLiteral("/resources/policy");
        Diagnostics d;
        const Policy json = Policy::load(dir, &d);
        QVERIFY2(d.isEmpty(), qPrintable(d.isEmpty() ? QString() : d.first().toString()));
        const Policy &builtin = Policy::instance();

        QVERIFY(json.tiers().size() >= 5);
        QCOMPARE(builtin.tiers().size(), json.tiers().size());
        for (qsizetype i = 0; i < json.tiers().size(); ++i) {
            const TierInfo &a = builtin.tiers().at(i), &b = json.tiers().at(i);
            QCOMPARE(a.id, b.id);
            QCOMPARE(a.label, b.label);
            QCOMPARE(a.group, b.group);
            QCOMPARE(a.rule, b.rule);
        }
        QCOMPARE(builtin.namespaces().size(), json.namespaces().size());
        for (qsizetype i = 0; i < json.namespaces().size(); ++i) {
            QCOMPARE(builtin.namespaces().at(i).uri, json.namespaces().at(i).uri);
            QCOMPARE(builtin.namespaces().at(i).prefix, json.namespaces().at(i).prefix);
            QCOMPARE(builtin.namespaces().at(i).hypervisor, json.namespaces().at(i).hypervisor);
        }
        // Every origin the file names: the same description, tier and hypervisor.
        QFile f(dir + QStringLiteral("/tiers.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray origins = QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("origins")).toArray();
        QVERIFY(origins.size() >= 10);
        for (const auto &v : origins) {
            const QString origin = v.toObject().value(QLatin1String("origin")).toString();
            QCOMPARE(builtin.originDescription(origin), json.originDescription(origin));
            Item a, b;
            a.origin = b.origin = origin;
            builtin.apply(a);
            json.apply(b);
            QCOMPARE(a.tier, b.tier);
            QCOMPARE(a.hypervisor, b.hypervisor);
            QCOMPARE(a.tier, v.toObject().value(QLatin1String("tier")).toString());
        }
    }
};

QTEST_GUILESS_MAIN(TestPolicyBuiltin)
#include "tst_policybuiltin.moc"
