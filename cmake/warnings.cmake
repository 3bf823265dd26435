# Every target links openfloor_warnings, so every build warns the same way.
add_library(openfloor_warnings INTERFACE)
target_compile_options(openfloor_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast)
if(OPENFLOOR_WERROR)
    target_compile_options(openfloor_warnings INTERFACE -Werror)
endif()
