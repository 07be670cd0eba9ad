# One INTERFACE target that every project target links: language level, warnings and the strict
# Qt defines. Modelled on qBittorrent's cmake/Modules/CommonConfig.cmake.
add_library(fenzhang_common INTERFACE)
add_library(Fenzhang::Common ALIAS fenzhang_common)

target_compile_features(fenzhang_common INTERFACE cxx_std_20)

if(MSVC)
    target_compile_options(fenzhang_common INTERFACE /W4 /utf-8 /permissive-)
    if(FENZHANG_WERROR)
        target_compile_options(fenzhang_common INTERFACE /WX)
    endif()
else()
    # -Wshadow: MSVC /W4 warns on shadowed locals and members (C4456-C4459); catch them here first.
    target_compile_options(fenzhang_common INTERFACE -Wall -Wextra -Wpedantic -Wshadow)
    if(FENZHANG_WERROR)
        target_compile_options(fenzhang_common INTERFACE -Werror)
    endif()
endif()

target_compile_definitions(fenzhang_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    OPENSSL_API_COMPAT=0x30000000L
    OPENSSL_NO_DEPRECATED)

configure_file(${CMAKE_SOURCE_DIR}/cmake/version.h.in ${CMAKE_BINARY_DIR}/generated/fenzhang_version.h @ONLY)
target_include_directories(fenzhang_common INTERFACE ${CMAKE_BINARY_DIR}/generated)
