#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace vse {

// What libvirt's dispatch generator is told about one procedure. Since 1.2.0
// a "/** @generate: both  @acl: domain:write ... */" block precedes each enum
// value (several @acl / @aclfilter lines are common); 0.10.0 and 1.0.0 used a
// trailing "/* autogen skipgen priority:high | readstream@1 */" comment, whose
// first word is the daemon side and second the client side. Both are read
// into the same fields so releases compare.
struct RpcAnnotations
{
    enum class Style
    {
        None,
        Block,
        Trailing
    };

    Style style = Style::None;
    QString generate;      // both | server | client | none
    QStringList acl;       // "domain:save:!VIR_DOMAIN_AFFECT_CONFIG|VIR_DOMAIN_AFFECT_LIVE"
    QStringList aclfilter; // "domain:getattr"
    QString priority;      // high | low; empty when not stated (libvirt's default is low)
    int readstream = -1;   // parameter offset of the stream, -1 when none
    int writestream = -1;
    QString sparseflag; // flag that enables sparse streams
    QJsonObject all;    // every annotation as written: key -> [values]

    bool isEmpty() const { return style == Style::None; }
    QJsonObject toJson() const;
};

// Reads the annotations of a procedure from the comment block before its enum
// value (`doc`) and the comment after it on the same line (`trailing`).
RpcAnnotations parseRpcAnnotations(const QString &doc, const QString &trailing);

// "insert@N" on a struct or field comment: the parameter offset at which the
// generated client inserts that value (a libvirt generator hint). -1 when absent.
int parseInsertAnnotation(const QString &comment);

} // namespace vse
