#pragma once

#include "model/version.h"

#include <QByteArrayView>
#include <QString>

namespace vse {

// What a libvirt header comment says about one declaration. libvirt documents
// types, enums and macros with a gtk-doc style block ("name:", "@arg: ...",
// prose, "Since: x.y.z") above them, and enum values with a comment after
// the value ("/* prose (Since: x.y.z) */").
struct DocComment
{
    bool found = false;
    bool docBlock = false; // opened with "/**"; libvirt uses plain "/*" for some
    QString title;         // the "name:" the block opens with, empty when it has none
    QString summary;       // first paragraph of prose, one line
    Version since;         // from "Since: x.y.z", invalid when absent
};

namespace doccomment {

// The comment block that ends just before the line holding `offset` (only
// blank space between). The caller decides whether a plain "/* */" block is
// documentation (titled with the name, or carrying a Since tag) or a section note.
DocComment leading(QByteArrayView text, qsizetype offset);
// The comment documenting an enum value whose declaration ends at `offset`:
// on the same line after an optional comma, or on the following lines when
// nothing but the closing brace or a preprocessor line comes after it
// (libvirt's *_LAST sentinels are documented that way).
DocComment trailing(QByteArrayView text, qsizetype offset);
// The comment on its own line(s) right above `offset`, of any style; used for
// enum values that have no trailing comment.
DocComment above(QByteArrayView text, qsizetype offset);
// Parses the body of a comment (with or without the comment markers).
DocComment parse(QByteArrayView comment);

} // namespace doccomment
} // namespace vse
