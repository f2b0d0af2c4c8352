#include "appoptions.h"

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
        } else if (a == QLatin1String("--newer-than")) {
            if (!value(&o->newerThan))
                return false;
        } else if (a == QLatin1String("--must-support")) {
            if (!value(&o->mustSupport))
                return false;
        } else if (a == QLatin1String("--benchmark-startup")) {
            o->benchmarkStartup = true;
        } else if (a == QLatin1String("--no-auto-index")) {
            o->noAutoIndex = true;
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
              "  --index FILE        use this index file instead of the cache one\n"
              "  --search TEXT       start with this search text\n"
              "  --must-support V    start with \"Must support \u2265 V\" (items certainly newer are hidden)\n"
              "  --newer-than V      start with \"Newer than V\" (only what is certainly or maybe newer)\n"
              "  --select NAME       show this item's details\n"
              "  --check-xml FILE    open Check domain XML on this file and check it (the target is\n"
              "                      the --must-support release)\n"
              "  --screenshot FILE   save a picture of the window once the index is loaded (with\n"
              "                      --check-xml: of the check's verdict), then exit\n"
              "  --benchmark-startup print the time to the first painted window and the memory, then exit\n"
              "  --no-auto-index     do not index the installed libvirt when there is no index\n");
}

} // namespace vse::gui
