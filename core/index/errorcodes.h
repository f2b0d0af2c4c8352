#pragma once

#include <QString>
#include <QList>
#include <QStringList>

#include <optional>

namespace vse {

class Store;

// libvirt's error numbers as they reach a support ticket: the Go binding's
// "virError(Code=42, Domain=10, Message='...')", Perl's "libvirt error code:
// 42, message: ...", "error code 42", "error 42". The numbers are values of
// two public enums: virErrorNumber (VIR_ERR_*) and virErrorDomain
// (VIR_FROM_*, where the error came from).
struct ErrorNumbers
{
    std::optional<qint64> code;
    std::optional<qint64> domain;
};

// Empty unless `typed` reads as one of the forms above.
std::optional<ErrorNumbers> errorNumbersIn(const QString &typed);

// The enum values those numbers are, code first. A number no indexed
// release has a value for is said in `unknown` ("error code 140"): the
// release history's newer values carry no numbers, so they are not guessed.
struct ErrorNumberLookup
{
    QString code;        // VIR_ERR_NO_DOMAIN; empty when none was given or none has it
    QString domain;      // VIR_FROM_QEMU; the same
    QStringList names;   // those found, code first
    QStringList unknown; // "error code 140"
    QString why;         // "libvirt's error code 42 and error domain 10"
};
ErrorNumberLookup lookUpErrorNumbers(const Store &store, const ErrorNumbers &numbers);

} // namespace vse

namespace vse {

// libvirt's own message for an error code, quoted in a ticket as virsh or a
// log prints it: "error: Domain not found: no domain with matching name
// 'web1'", "internal error: process exited while connecting to monitor".
// The message of each code (VIR_ERR_NO_DOMAIN: "Domain not found") is read
// from the indexed rows: virerror.c's in a source tree, else the release
// history's (attrs "message" / "historyMessage").
struct QuotedErrorMessage
{
    QString code;    // VIR_ERR_NO_DOMAIN
    QString message; // "Domain not found", as libvirt words it
};

// The messages `text` quotes, in the order they appear, each code once. A
// message counts where it stands as one: after the start, a space, a colon
// or a quote, and before the end, a colon, a full stop, a comma, a quote or a
// line break; letter case is not compared. Pure, for tests.
QList<QuotedErrorMessage> quotedErrorMessages(const QList<QuotedErrorMessage> &known, const QString &text);

// Every error code's message the index knows (for the pure form above).
QList<QuotedErrorMessage> errorCodeMessages(const Store &store);

// The same against the index's error codes; nothing without a space in
// `text` (no message is one word), so a mistyped name costs no query.
QList<QuotedErrorMessage> quotedErrorMessages(const Store &store, const QString &text);

} // namespace vse
