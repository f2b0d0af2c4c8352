#include "releaseseries.h"

#include <algorithm>

namespace vse::ReleaseSeries {

namespace {

// The release tags v0.0.1 – v1.3.5 (release candidates and maintenance
// branches left out), as listed by `git tag` in libvirt's repository, plus
// the numbers missing between tags (0.1.2, 0.1.5, 0.4.0, 0.4.3, 0.4.5):
// libvirt's news name some of them as releases, so two tags around a gap are
// never called adjacent (the answer stays a range rather than a guess).
constexpr int kEarly[][3] = {
    {0, 0, 1},  {0, 0, 2},  {0, 0, 3},  {0, 0, 4},  {0, 0, 5},  {0, 1, 0},  {0, 1, 1},  {0, 1, 2}, {0, 1, 3},  {0, 1, 4},
    {0, 1, 5},  {0, 1, 6},  {0, 1, 7},  {0, 1, 8},  {0, 1, 9},  {0, 1, 10}, {0, 1, 11}, {0, 2, 0},  {0, 2, 1},  {0, 2, 2},
    {0, 2, 3},  {0, 3, 0},  {0, 3, 1},  {0, 3, 2},  {0, 3, 3},  {0, 4, 0}, {0, 4, 1},  {0, 4, 2}, {0, 4, 3},  {0, 4, 4}, {0, 4, 5},  {0, 4, 6},
    {0, 5, 0},  {0, 5, 1},  {0, 6, 0},  {0, 6, 1},  {0, 6, 2},  {0, 6, 3},  {0, 6, 4},  {0, 6, 5},  {0, 7, 0},
    {0, 7, 1},  {0, 7, 2},  {0, 7, 3},  {0, 7, 4},  {0, 7, 5},  {0, 7, 6},  {0, 7, 7},  {0, 8, 0},  {0, 8, 1},
    {0, 8, 2},  {0, 8, 3},  {0, 8, 4},  {0, 8, 5},  {0, 8, 6},  {0, 8, 7},  {0, 8, 8},  {0, 9, 0},  {0, 9, 1},
    {0, 9, 2},  {0, 9, 3},  {0, 9, 4},  {0, 9, 5},  {0, 9, 6},  {0, 9, 7},  {0, 9, 8},  {0, 9, 9},  {0, 9, 10},
    {0, 9, 11}, {0, 9, 12}, {0, 9, 13}, {0, 10, 0}, {0, 10, 1}, {0, 10, 2}, {1, 0, 0},  {1, 0, 1},  {1, 0, 2},
    {1, 0, 3},  {1, 0, 4},  {1, 0, 5},  {1, 0, 6},  {1, 1, 0},  {1, 1, 1},  {1, 1, 2},  {1, 1, 3},  {1, 1, 4},
    {1, 2, 0},  {1, 2, 1},  {1, 2, 2},  {1, 2, 3},  {1, 2, 4},  {1, 2, 5},  {1, 2, 6},  {1, 2, 7},  {1, 2, 8},
    {1, 2, 9},  {1, 2, 10}, {1, 2, 11}, {1, 2, 12}, {1, 2, 13}, {1, 2, 14}, {1, 2, 15}, {1, 2, 16}, {1, 2, 17},
    {1, 2, 18}, {1, 2, 19}, {1, 2, 20}, {1, 2, 21}, {1, 3, 0},  {1, 3, 1},  {1, 3, 2},  {1, 3, 3},  {1, 3, 4},
    {1, 3, 5},
};

// The last minor number of a year's X.Y.0 series: 2.x ran to 2.5.0, every
// later major to X.10.0.
int lastMinor(int major)
{
    return major == 2 ? 5 : 10;
}

} // namespace

const QList<Version> &earlyReleases()
{
    static const QList<Version> list = [] {
        QList<Version> l;
        for (const auto &v : kEarly)
            l.append(Version(v[0], v[1], v[2]));
        return l;
    }();
    return list;
}

bool isRelease(const Version &v)
{
    if (!v.isValid())
        return false;
    if (v.major() >= 2)
        return v.micro() == 0 && v.minor() <= lastMinor(v.major());
    const auto &early = earlyReleases();
    return std::binary_search(early.cbegin(), early.cend(), v);
}

Version predecessor(const Version &v)
{
    if (!isRelease(v))
        return {};
    if (v == Version(2, 0, 0))
        return earlyReleases().constLast();
    if (v.major() >= 2)
        return v.minor() > 0 ? Version(v.major(), v.minor() - 1, 0) : Version(v.major() - 1, lastMinor(v.major() - 1), 0);
    const auto &early = earlyReleases();
    const auto it = std::lower_bound(early.cbegin(), early.cend(), v);
    return it == early.cbegin() ? Version() : *(it - 1);
}

bool adjacent(const Version &after, const Version &upTo)
{
    return after.isValid() && predecessor(upTo) == after;
}

} // namespace vse::ReleaseSeries
