#pragma once

namespace vse::gui {

// Hands the pages of freed heap memory back to the system. Loading an index
// (on a worker thread, in its own malloc arena) frees several megabytes of
// temporaries, and dropping the previous snapshot frees all of its rows;
// glibc keeps such pages mapped until told otherwise, so without this the
// explorer's resident size would keep what it no longer uses.
void releaseFreedMemory();

} // namespace vse::gui
