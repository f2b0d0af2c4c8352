// virt-support-explorer: the Qt explorer. Everything but start-up lives in
// the vsegui library, which the tests link too.
#include "appoptions.h"
#include "check/libxmlmemory.h"
#include "indexcontroller.h"
#include "itemtablemodel.h"
#include "mainwindow.h"
#include "startupprobe.h"
#include "translations.h"

#include "vse-config.h"

#include "model/policy.h"

#include <QApplication>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

using namespace vse::gui;

int main(int argc, char **argv)
{
    StartupProbe::markProcessStart();
    vse::installLibxml2MemoryFunctions(); // before any thread: check/libxmlmemory.h
    // The options are read before the window system is needed, so --help,
    // --version and a mistyped option answer on a machine without a display.
    AppOptions options;
    {
        QCoreApplication early(argc, argv);
        installTranslations(&early);
        QString error;
        if (!AppOptions::parse(QCoreApplication::arguments(), &options, &error)) {
            QTextStream(stderr) << error << '\n' << AppOptions::usage();
            return 2;
        }
        if (options.help || options.version) {
            QTextStream(stdout) << (options.help ? AppOptions::usage()
                                                 : QStringLiteral("virt-support-explorer " VSE_VERSION_STRING "\n"));
            return 0;
        }
        // An edited policy ($VSE_POLICY_DIR) that does not load: said and
        // exit 3, as the command line does, instead of aborting later.
        if (vse::Diagnostics d; !vse::Policy::checkOverride(&d)) {
            QTextStream(stderr) << "virt-support-explorer: cannot load the policy data: " << d.constFirst().toString()
                                << '\n';
            return 3;
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("virt-support-explorer"));
    QApplication::setOrganizationName(QStringLiteral("virt-support-explorer"));
    QApplication::setApplicationVersion(QStringLiteral(VSE_VERSION_STRING));
    QApplication::setDesktopFileName(QStringLiteral("org.virt_support_explorer.Explorer"));
    installTranslations(&app);
    MainWindow window(options);
    StartupProbe probe(&window, options);
    window.show();
    window.start();
    return QApplication::exec();
}
