# fenzhang_platform_resources(TARGET DESCRIPTION): the Windows version resource (and icon) and, for
# the macOS bundle, Info.plist and the .icns icon. Version values come from project(VERSION).
function(fenzhang_platform_resources target description)
    if(WIN32)
        set(FENZHANG_TARGET ${target})
        set(FENZHANG_FILE_DESCRIPTION "${description}")
        set(FENZHANG_ICO "${CMAKE_SOURCE_DIR}/resources/icons/fenzhang-desk.ico")
        set(rc ${CMAKE_CURRENT_BINARY_DIR}/${target}.rc)
        configure_file(${CMAKE_SOURCE_DIR}/packaging/windows/fenzhang-desk.rc.in ${rc} @ONLY)
        if(NOT EXISTS ${FENZHANG_ICO})
            file(READ ${rc} content)
            string(REGEX REPLACE "IDI_ICON1 ICON [^\n]*\n" "" content "${content}")
            file(WRITE ${rc} "${content}")
        endif()
        target_sources(${target} PRIVATE ${rc})
    elseif(APPLE)
        get_target_property(is_bundle ${target} MACOSX_BUNDLE)
        if(NOT is_bundle)
            return()
        endif()
        set_target_properties(${target} PROPERTIES
            MACOSX_BUNDLE_INFO_PLIST ${CMAKE_SOURCE_DIR}/packaging/macos/Info.plist.in)
        # Build the .icns from the committed PNGs with Apple's iconutil.
        set(iconset ${CMAKE_CURRENT_BINARY_DIR}/fenzhang-desk.iconset)
        set(icns ${CMAKE_CURRENT_BINARY_DIR}/fenzhang-desk.icns)
        set(hicolor ${CMAKE_SOURCE_DIR}/resources/icons/hicolor)
        add_custom_command(OUTPUT ${icns}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${iconset}
            COMMAND ${CMAKE_COMMAND} -E copy ${hicolor}/16x16/fenzhang-desk.png ${iconset}/icon_16x16.png
            COMMAND ${CMAKE_COMMAND} -E copy ${hicolor}/32x32/fenzhang-desk.png ${iconset}/icon_16x16@2x.png
            COMMAND ${CMAKE_COMMAND} -E copy ${hicolor}/32x32/fenzhang-desk.png ${iconset}/icon_32x32.png
            COMMAND ${CMAKE_COMMAND} -E copy ${hicolor}/64x64/fenzhang-desk.png ${iconset}/icon_32x32@2x.png
            COMMAND ${CMAKE_COMMAND} -E copy ${hicolor}/128x128/fenzhang-desk.png ${iconset}/icon_128x128.png
            COMMAND ${CMAKE_COMMAND} -E copy ${hicolor}/256x256/fenzhang-desk.png ${iconset}/icon_128x128@2x.png
            COMMAND ${CMAKE_COMMAND} -E copy ${hicolor}/256x256/fenzhang-desk.png ${iconset}/icon_256x256.png
            COMMAND ${CMAKE_COMMAND} -E copy ${hicolor}/512x512/fenzhang-desk.png ${iconset}/icon_256x256@2x.png
            COMMAND ${CMAKE_COMMAND} -E copy ${hicolor}/512x512/fenzhang-desk.png ${iconset}/icon_512x512.png
            COMMAND iconutil -c icns -o ${icns} ${iconset}
            DEPENDS ${hicolor}/512x512/fenzhang-desk.png
            VERBATIM)
        target_sources(${target} PRIVATE ${icns})
        set_source_files_properties(${icns} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    endif()
endfunction()
