#pragma once

#include <QString>
#include <QStringList>

namespace vse {

// virsh's own options, before the command (facts from its --help), that
// take a value: -c URI, --connect URI, -d LEVEL, ... Bundled short flags
// ("-rc URI"): the last letter decides.
bool virshGlobalOptionTakesValue(const QString &word);

// A virsh command line as people paste it ("virsh -c qemu:///system domstate
// guest1 --reason", after "virsh"): the command and the names of the
// options given ("reason"), global options, positional values and option
// values left out. Words are split as a shell would (splitCommandLine).
struct VirshLine
{
    QString command;     // empty when there is none (only global options)
    QStringList options; // without "--", in order, once each
    static VirshLine parse(const QString &afterVirsh);
};

} // namespace vse
