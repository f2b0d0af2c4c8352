# Finds libclang's C API (clang-c/Index.h) from Debian's versioned LLVM
# layout (/usr/lib/llvm-N), newest first. Defines LibClang::LibClang.
set(_vse_llvm_hints)
foreach(v 21 20 19 18 17 16 15 14)
  list(APPEND _vse_llvm_hints /usr/lib/llvm-${v})
endforeach()
find_path(LibClang_INCLUDE_DIR clang-c/Index.h HINTS ${_vse_llvm_hints} PATH_SUFFIXES include)
find_library(LibClang_LIBRARY NAMES clang libclang HINTS ${_vse_llvm_hints} PATH_SUFFIXES lib)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibClang REQUIRED_VARS LibClang_LIBRARY LibClang_INCLUDE_DIR)
if(LibClang_FOUND AND NOT TARGET LibClang::LibClang)
  add_library(LibClang::LibClang UNKNOWN IMPORTED)
  set_target_properties(LibClang::LibClang PROPERTIES
    IMPORTED_LOCATION ${LibClang_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${LibClang_INCLUDE_DIR})
endif()
mark_as_advanced(LibClang_INCLUDE_DIR LibClang_LIBRARY)
