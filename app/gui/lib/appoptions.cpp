#include "appoptions.h"

#include "scan/targets.h"

#include <QFileInfo>

namespace vse::gui {

bool AppOptions::parse(const QStringList &arguments, AppOptions *o, QString *error)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        const auto value = [&](QString *target) {
            if (i + 1 >= arguments.size()) {
                *error = tr("%1 needs a value").arg(a);
                return false;
            }
            *target = arguments.at(++i);
            return true;
        };
        if (a == QLatin1String("--index")) {
            if (!value(&o->indexPath))
                return false;
        } else if (a == QLatin1String("--screenshot")) {
            if (!value(&o->screenshotPath))
                return false;
        } else if (a == QLatin1String("--select")) {
            if (!value(&o->select))
                return false;
        } else if (a == QLatin1String("--search")) {
            if (!value(&o->search))
                return false;
        } else if (a == QLatin1String("--check-xml")) {
            if (!value(&o->checkXml))
                return false;
            // Said here, once, rather than by a dialog over a window that then waits.
            if (!QFileInfo::exists(o->checkXml)) {
                *error = tr("--check-xml: %1: no such file or folder").arg(o->checkXml);
                return false;
            }
        } else if (a == QLatin1String("--newer-than") || a == QLatin1String("--must-support")) {
            QString *target = a == QLatin1String("--newer-than") ? &o->newerThan : &o->mustSupport;
            if (!value(target))
                return false;
            // Read as the CLI's --max-version reads it ("v1.0.0", "9.0.0-4+deb12u2",
            // "bookworm"); a typo such as "foo" or "6.O" would otherwise filter
            // nothing, silently.
            const scan::ReleaseReading r = scan::readRelease(*target);
            if (!r.error.isEmpty()) {
                *error = QStringLiteral("%1: %2").arg(a, r.error);
                return false;
            }
            // Kept as typed: the target box reads it alike and names it ("bookworm").
        } else if (a == QLatin1String("--benchmark-startup")) {
            o->benchmarkStartup = true;
        } else if (a == QLatin1String("--no-auto-index")) {
            o->noAutoIndex = true;
        } else if (a == QLatin1String("--guide")) {
            o->guide = true;
        } else if (a == QLatin1String("--export-guide")) {
            if (!value(&o->exportGuidePath))
                return false;
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            o->help = true;
        } else if (a == QLatin1String("--version")) {
            o->version = true;
        } else if (a == QLatin1String("--present")) {
            o->present = true;
        } else if (a == QLatin1String("--self-check")) {
            QString n;
            if (!value(&n))
                return false;
            bool ok = false;
            const uint seed = n.toUInt(&ok);
            if (!ok || seed < 1 || seed > 999999) {
                *error = tr("--self-check takes a quiz number from 1 to 999999, not %1").arg(n);
                return false;
            }
            o->selfCheckSeed = seed;
        } else {
            *error = tr("unknown option %1").arg(a);
            return false;
        }
    }
    return true;
}

QString AppOptions::usage()
{
    return tr("Usage: virt-support-explorer [--index FILE] [--search TEXT] [--select NAME] [--must-support V]\n"
              "                             [--newer-than V] [--check-xml FILE] [--screenshot FILE]\n"
              "                             [--benchmark-startup] [--no-auto-index]\n"
              "                             [--guide] [--present] [--self-check N] [--export-guide FILE]\n"
              "  --index FILE        use this index file instead of the cache one\n"
              "  --search TEXT       start with this search text\n"
              "  --must-support V    start with \"Must support \u2265 V\" (items certainly newer are hidden)\n"
              "  --newer-than V      start with \"Newer than V\" (only what is certainly or maybe newer)\n"
              "  --select NAME       show this item's details\n"
              "  --check-xml FILE    open Check domain XML on this file, or on every *.xml of a folder,\n"
              "                      and check it (the target is the --must-support release)\n"
              "  --screenshot FILE   save a picture of the window once the index is loaded (with\n"
              "                      --check-xml: of the check's verdict), then exit\n"
              "  --benchmark-startup print the time to the first painted window and the memory, then exit\n"
              "  --no-auto-index     do not index the installed libvirt when there is no index\n"
              "  --guide             open the policy guide\n"
              "  --present           start the policy guide's presentation mode (full screen; Esc leaves)\n"
              "  --export-guide FILE write the policy guide as PDF to FILE once the index is loaded, then exit\n"
              "  --self-check N      start self-check quiz number N (the same number gives the same questions)\n") +
           tr("  --help, --version   print this help or the version, and exit (no display needed)\n");
}

} // namespace vse::gui
