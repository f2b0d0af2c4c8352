#pragma once

#include "xmlcheckreport.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace vse {

// Everything the checker found about one node of the document (an element,
// or an attribute with the value it was given): one entry, not one line per
// fact. Validation errors without a node get an entry of their own (empty
// path) at their line.
struct NodeFindings
{
    QString path;  // as in the document: domain/cpu@mode
    QString value; // the enumerated value used there ("host-passthrough"), if any
    QString item;  // the index item that answered (the value's item when there is one)
    int line = 0;
    int occurrences = 1;
    QString tier;
    SinceRange since; // of the item above; the value's when a value was used
    QString hypervisor;
    bool namespaceExtension = false;
    QStringList taints;
    SinceRange::Fit target =
        SinceRange::Fit::Supported; // TooNew / MaybeTooNew when the target is after
    QStringList problems;           // validation errors, names the schema index does not know

    // Worth showing without --all: anything but a plain use of a stable item.
    bool notable() const;
    // What a report line says about the node, in this order: its taints,
    // namespace extension, too new / may be too new for `target`, tier,
    // since, hypervisor, and how often it occurs ("taint custom-argv",
    // "stable", "since 1.0.5", "3 times"). check-xml and the triage report
    // print the same list.
    QStringList facts(const Version &target) const;
    QJsonObject toJson() const;
};

// The one-line answer for a document, worst first: it could not be checked,
// it is invalid, something is too new (or may be) for the target release,
// it taints the guest, it relies on namespace extensions, or it is
// supported as is. Taints and namespaces are kept even when a worse kind
// wins, so the line can say "too new for 6.0.0; also tainted: custom-argv".
struct CheckVerdict
{
    enum Kind
    {
        Supported,
        NamespaceExtensions,
        Tainted,
        MaybeTooNew,
        TooNew,
        Invalid,
        NotChecked
    };

    Kind kind = Supported;
    Version target;
    QStringList taints;      // reason ids, in document order
    QHash<QString, QString> conditions; // reason id -> what else must hold (only when every trigger says so)
    // reason id -> the line of a status file where libvirt recorded it for
    // the running guest (<taint flag='...'/>): a fact, not a prediction.
    QHash<QString, int> recorded;
    QStringList hypervisors; // of the namespace extensions used
    int tooNew = 0;
    int maybeTooNew = 0;
    int errors = 0;  // validation errors
    // Errors of the target release's own schema (--target-schemas), and
    // whether it was used: without it the target is judged per item (each
    // node's since range), which cannot see that release's required
    // attributes, value patterns or ties between attributes.
    int targetErrors = 0;
    QString targetSchema;
    // Nodes the validating schema lacks because they came after its release
    // (the first one's path): they may be why it reports errors.
    int newerThanSchema = 0;
    QString firstNewerThanSchema;
    QString problem; // why it was not checked

    static QString id(Kind kind); // "supported", "namespace-extensions", "tainted", ...
    // "recorded by libvirt for the running guest, line N"
    static QString recordedText(int line);
    // "supported but tainted: custom-argv; uses namespace extensions (qemu)"
    QString text() const;
    QJsonObject toJson() const; // id, text, target, taint reasons with meaning, counts
};

// What check-xml tells the user about one document, computed once and
// rendered by the CLI text, its JSON and the GUI's Check domain XML: the
// verdict, then the findings grouped per node in document order.
struct CheckReport
{
    QString file;
    QString schema;
    bool valid = false;
    CheckVerdict verdict;
    QList<NodeFindings> nodes;
    Diagnostics diagnostics;
    std::optional<DomainStatus> status; // a status file's record (XmlCheckReport::status)

    static CheckReport of(const XmlCheckReport &report, Version target);
    // The same, taking the findings' texts instead of copying them: a batch
    // drops the findings right after (their strings are shared with the
    // batch's tables, and each copy counts references across threads).
    static CheckReport of(XmlCheckReport &&report, Version target);

private:
    static CheckReport build(const XmlCheckReport &report, QList<XmlCheckFinding> *take, Version target);

public:
    // {"verdict": {...}, "groups": [...]}: added to the per-file JSON.
    QJsonObject toJson() const;
};

} // namespace vse
