// VirshManPage::find on its own: the index's freshness check asks where the
// manual page is on every query, and a program that only asks must not pull
// in the gzip reader (and zlib) beside it (the query front end does not).
#include "virshmanpage.h"

#include "io/fswatch.h"

namespace vse {

QString VirshManPage::find(const QString &root)
{
    const QString r = root == QLatin1String("/") ? QString() : root;
    for (const char *p : {"/usr/share/man/man1/virsh.1.gz", "/usr/share/man/man1/virsh.1"})
        if (FsWatch::isFile(r + QLatin1String(p)))
            return r + QLatin1String(p);
    return {};
}

} // namespace vse
