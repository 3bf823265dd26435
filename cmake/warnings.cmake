# Every target links openfloor_warnings, so every build warns the same way.
add_library(openfloor_warnings INTERFACE)
target_compile_options(openfloor_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast)
if(OPENFLOOR_WERROR)
    target_compile_options(openfloor_warnings INTERFACE -Werror)
endif()
# GCC 12 reports Asio's coroutine frame allocator (a class-specific operator new/delete pair) as
# mismatched in some coroutines: GCC bug 109224, a false positive fixed in GCC 13.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(openfloor_warnings INTERFACE -Wno-mismatched-new-delete)
endif()
