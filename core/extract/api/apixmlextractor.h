#pragma once

#include "io/confinedfile.h"

#include "model/extractresult.h"

#include <QString>
#include <QStringList>

namespace vse {

// Reads libvirt's generated API descriptions (/usr/share/libvirt/api/*-api.xml):
// every symbol with its kind, the header it lives in, its doc summary and the
// version= it was introduced in (Evidence::Kind::ApiXml). They are the
// fallback evidence when headers or symbol versions say nothing, and the list
// of functions the header extractor must not miss. Parsed with libxml2
// without network access, DTD loading or entity substitution.
class ApiXmlExtractor
{
public:
    // Files larger than this are refused rather than read (libvirt-api.xml
    // is about 1 MB).
    static constexpr qint64 maxFileSize = SourceRoot::kMaxFileSize;

    // The files of one installed libvirt, in the order they are read.
    static QStringList fileNames();
    // Origin (tier table id) of the items of one of those files.
    static QString originForFile(const QString &fileName);

    // Reads every known file present in `dir`; a missing or unreadable
    // directory, or one with no libvirt-api.xml, is an error.
    // Files are read through root (see SourceRoot); "/" confines nothing.
    ExtractResult extractDir(const QString &dir, const SourceRoot &root = SourceRoot());
    ExtractResult extractFile(const QString &path, const SourceRoot &root = SourceRoot());
    // `fileName` names the data in evidence and diagnostics. Items carry the
    // header the XML names in `file` (libvirt/libvirt-host.h) but the line of
    // the symbol in the XML file in `line`, for messages about it.
    ExtractResult extractData(const QByteArray &data, const QString &fileName);
};

} // namespace vse
