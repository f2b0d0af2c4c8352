// The shell tokenizer check-script relies on: which commands a script runs,
// where each word starts, what is a pipeline, what a substitution captures,
// and what is not a command at all (comments, here-document bodies, quoted
// text, redirection targets).
#include "check/shelltokenizer.h"

#include <QTest>

using namespace vse;

namespace {

// "virsh list --all@1:1" for each command: words joined, first word's place.
QStringList summary(const ShellTokenizer::Result &r)
{
    QStringList out;
    for (const ShellCommand &c : r.commands) {
        QStringList words;
        for (const ShellWord &w : c.words)
            words << w.text;
        out << QStringLiteral("%1@%2:%3 p%4s%5%6")
                   .arg(words.join(QLatin1Char(' ')))
                   .arg(c.words.first().line)
                   .arg(c.words.first().column)
                   .arg(c.pipeline)
                   .arg(c.stage)
                   .arg(c.substitution ? QStringLiteral(" sub") : QString());
    }
    return out;
}

} // namespace

class TestShellTokenizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotesAndContinuations()
    {
        const auto r = ShellTokenizer::parse(QStringLiteral(
            "virsh -c 'qemu:///system' \\\n  start \"my vm\" # start it\n"
            "  echo a\\ b;virsh list\n"));
        QVERIFY(r.problems.isEmpty());
        QCOMPARE(r.commands.size(), 3);
        QCOMPARE(r.commands.at(0).words.size(), 5);
        QCOMPARE(r.commands.at(0).words.at(3).text, QStringLiteral("start"));
        QCOMPARE(r.commands.at(0).words.at(3).line, 2);
        QCOMPARE(r.commands.at(0).words.at(3).column, 3);
        QCOMPARE(r.commands.at(0).words.at(4).text, QStringLiteral("my vm"));
        QCOMPARE(r.commands.at(1).words.at(1).text, QStringLiteral("a b"));
        QCOMPARE(r.commands.at(2).words.at(0).column, 13);
    }

    void pipelinesAndSubstitutions()
    {
        const auto r = ShellTokenizer::parse(QStringLiteral(
            "virsh list | awk '{print $2}' | tail -n +3\n"
            "for d in $(virsh list --all | grep -v x); do echo \"$d\"; done\n"
            "n=`virsh domname 1` && echo ok || echo no\n"));
        const QStringList s = summary(r);
        QCOMPARE(s.size(), 12);
        QVERIFY(s.at(0).startsWith(QStringLiteral("virsh list@1:1")));
        QVERIFY(s.at(1).startsWith(QStringLiteral("awk {print $2}@1:14")));
        // The three stages share one pipeline.
        QCOMPARE(r.commands.at(0).pipeline, r.commands.at(2).pipeline);
        QCOMPARE(r.commands.at(2).stage, 2);
        // Inside $(…): its own pipeline, marked as captured.
        QCOMPARE(r.commands.at(3).words.first().text, QStringLiteral("virsh"));
        QCOMPARE(r.commands.at(3).words.first().column, 12);
        QVERIFY(r.commands.at(3).substitution != 0);
        QCOMPARE(r.commands.at(4).pipeline, r.commands.at(3).pipeline);
        QCOMPARE(r.commands.at(4).stage, 1);
        QCOMPARE(r.commands.at(5).words.first().text, QStringLiteral("for"));
        QVERIFY(!r.commands.at(5).words.last().literal);
        // Reserved words stay words; a checker skips them.
        QCOMPARE(r.commands.at(6).words.at(1).text, QStringLiteral("echo"));
        QCOMPARE(r.commands.at(7).words.first().text, QStringLiteral("done"));
        QCOMPARE(r.commands.at(8).words.first().text, QStringLiteral("virsh"));
        QVERIFY(r.commands.at(8).substitution != 0);
        QCOMPARE(r.commands.at(9).words.first().text, QStringLiteral("n=`…`"));
        QVERIFY(r.commands.at(9).pipeline != r.commands.at(10).pipeline);
        QVERIFY(r.commands.at(10).pipeline != r.commands.at(11).pipeline);
    }

    void heredocsRedirectionsAndComments()
    {
        const auto r = ShellTokenizer::parse(QStringLiteral(
            "cat <<EOF > out.txt 2>&1\nvirsh list | awk x\nEOF\n"
            "cat <<-'END'\n\tvirsh nothing\n\tEND\n"
            "# virsh commented\n"
            "virsh dumpxml vm >/tmp/x.xml 2>/dev/null\n"));
        const QStringList s = summary(r);
        QCOMPARE(s.size(), 3);
        QCOMPARE(r.commands.at(0).words.size(), 1);
        QCOMPARE(r.commands.at(1).words.size(), 1);
        QCOMPARE(r.commands.at(2).words.size(), 3);
        QCOMPARE(r.commands.at(2).words.first().line, 8);
    }

    void brokenInputIsReportedNotFatal()
    {
        const auto r = ShellTokenizer::parse(QStringLiteral("echo 'open\nvirsh list\n"));
        QCOMPARE(r.problems.size(), 1);
        QVERIFY(r.problems.first().startsWith(QStringLiteral("1:6:")));
        QString deep;
        for (int i = 0; i < 10000; ++i)
            deep += QStringLiteral("$(");
        const auto d = ShellTokenizer::parse(deep);
        QVERIFY(!d.problems.isEmpty());
        QVERIFY(ShellTokenizer::parse(QString()).commands.isEmpty());
        QVERIFY(ShellTokenizer::parse(QStringLiteral("\\")).problems.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestShellTokenizer)
#include "tst_shelltokenizer.moc"
