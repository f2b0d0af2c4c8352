#pragma once

#include <QString>
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
