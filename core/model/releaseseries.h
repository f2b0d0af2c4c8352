#pragma once

#include "version.h"

#include <QList>

namespace vse {

// The order of libvirt's upstream releases, so that two releases can be
// called adjacent ("absent in 0.5.1, present in 0.6.0" is an exact since).
// Up to 1.3.5 the numbers are irregular and come from a table of the release
// tags; from 2.0.0 on libvirt releases monthly as X.Y.0 (2.0.0 – 2.5.0, then
// X.0.0 – X.10.0 every year), which a rule covers.
namespace ReleaseSeries {

// The upstream release right before `v`; invalid when `v` is not a known
// upstream release (a maintenance release, a future number past a year's end).
Version predecessor(const Version &v);
// True when `after` is the release right before `upTo`.
bool adjacent(const Version &after, const Version &upTo);
// True when `v` is a known upstream release number.
bool isRelease(const Version &v);
// The releases up to 1.3.5, oldest first (the table the rule does not cover).
const QList<Version> &earlyReleases();

} // namespace ReleaseSeries
} // namespace vse
