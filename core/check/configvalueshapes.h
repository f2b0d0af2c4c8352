#pragma once

#include <QString>

namespace vse {

// Options libvirt reads as "a string or a list of strings" although their
// augeas lens types them as a string (resources/policy/config-values.json,
// each with the libvirt source lines that show it). Returns the source of
// that fact, empty when `option` of `configName` ("qemu.conf") is not one.
QString stringOrListSource(const QString &configName, const QString &option);

} // namespace vse
