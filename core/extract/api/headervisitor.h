#pragma once

#include "model/item.h"

#include <clang-c/Index.h>

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

namespace vse {

// Walks a parsed translation unit once and turns the declarations and macros
// of libvirt's public headers (files under <includeDir>/libvirt/) into items;
// everything from system headers is ignored. Internal to HeaderExtractor.
class HeaderVisitor
{
public:
    HeaderVisitor(CXTranslationUnit tu, const QString &includeDir);

    void run();
    ItemList takeItems() { return std::move(m_items); }
    // Replacement text of LIBVIR_VERSION_NUMBER, empty when not defined.
    QString versionNumberText() const { return m_versionNumber; }

private:
    struct FileInfo
    {
        bool libvirt = false;
        QString path;   // relative to the include dir: libvirt/libvirt-domain.h
        QString origin; // header:libvirt, header:libvirt-qemu...
        QByteArrayView text;
    };
    struct Place
    {
        const FileInfo *file = nullptr;
        unsigned line = 0;
        unsigned offset = 0;
    };
    // An enum, struct or union definition, so that a following typedef can
    // name it (libvirt writes "typedef enum { ... } virDomainState;").
    struct Record
    {
        CXCursor cursor;
        Place at;
        qsizetype item = -1; // index in m_items, -1 when anonymous without item yet
        qsizetype firstValue = 0, endValue = 0;
        bool anonymous = false;
    };

    static CXChildVisitResult visitTop(CXCursor c, CXCursor parent, CXClientData data);
    void visit(CXCursor c);
    const FileInfo &fileInfo(CXFile file);
    Place place(CXSourceLocation loc);
    unsigned endOffset(CXCursor c);
    Item makeItem(ItemKind kind, const QString &name, const Place &at) const;
    bool remember(const Item &item);
    void applyDoc(Item &item, const Place &at) const;

    void addFunction(CXCursor c, const Place &at);
    void addEnum(CXCursor c, const Place &at);
    void addRecord(CXCursor c, const Place &at, ItemKind kind);
    void addTypedef(CXCursor c, const Place &at);
    void addMacro(CXCursor c, const Place &at);
    void addVariable(CXCursor c, const Place &at);
    void finish();

    CXTranslationUnit m_tu;
    QString m_libvirtDir; // "<includeDir>/libvirt/"
    QString m_includeDir;
    QHash<CXFile, FileInfo> m_files;
    ItemList m_items;
    QHash<QString, quint32> m_seen; // name -> bit set of ItemKind seen
    QList<Record> m_records;
    QString m_versionNumber;
};

} // namespace vse
