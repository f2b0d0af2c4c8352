#pragma once

#include "model/extractresult.h"

#include <QString>

namespace vse {

// Reads virsh's commands and options from its manual page (virsh.1 as
// libvirt-clients installs it, gzip-compressed or not), for installed
// releases and package sets, which have no command tables. Each ".SS" section
// whose first preformatted block (the "Syntax:" synopsis) starts with the
// section's name is a command; a section naming several ("quit, exit") gives
// the others as aliases. Options are the synopsis' "--name" words (type
// "bool" when no value word follows, else "value") and its bare words (the
// positional arguments, named as the manual names them, which is not always
// the option name of the command table). Weaker than the tables: the items
// carry attrs "from": "virsh.1"; the manual's prose is not kept.
class VirshManPage
{
public:
    static constexpr qint64 kMaxSize = 16 * 1024 * 1024;
    // `path` is the man page; errors name it.
    static ExtractResult read(const QString &path, const QString &root = QStringLiteral("/"));
    static ExtractResult parse(const QString &text, const QString &path);
    // usr/share/man/man1/virsh.1.gz (or virsh.1) under an installed prefix; empty when absent.
    static QString find(const QString &root);
};

} // namespace vse
