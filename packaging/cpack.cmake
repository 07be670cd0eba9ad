# CPack settings, one block per platform. The version comes from project(VERSION) only.
set(CPACK_PACKAGE_NAME "fenzhang-desk")
set(CPACK_PACKAGE_VENDOR "Fenzhang Desk")
set(CPACK_PACKAGE_CONTACT "Fenzhang Desk developers <dev@fenzhang-desk.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Fenzhang Desk")
set(CPACK_PACKAGE_EXECUTABLES "fenzhang-desk;Fenzhang Desk")
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_SOURCE_DIR}/LICENSE.txt")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build/;/\\\\.git/")

if(WIN32)
    set(CPACK_GENERATOR "NSIS;ZIP")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
endif()

# --- Linux: DEB -------------------------------------------------------------------------
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # libQt6*, libssl3, libqt6keychain1, libc ...
# Plugins are loaded at run time, so shlibdeps cannot see them: name them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6network6, fonts-noto-cjk | fonts-wqy-microhei")
# The keychain for saved keys' passwords; Qt's own Chinese strings (context menus, dialogs).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-translations-l10n")

# --- Windows: NSIS, per-user without admin rights --------------------------------------
# Our own per-user template (packaging/windows/NSIS.template.in): CPack's asks for admin rights.
set(CPACK_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}/windows")
# The installer's own architecture. Empty: 32-bit (x86-unicode, the only stubs NSIS for Windows ships;
# it installs the 64-bit app all the same). amd64-unicode: a 64-bit installer, which the Windows leg on
# Linux builds (Debian's nsis has those stubs) because Wine there cannot start 32-bit programs when the
# kernel runs no 32-bit code (docs/RELEASING.md).
set(FENZHANG_NSIS_TARGET "" CACHE STRING "NSIS target of the installer: empty (x86-unicode) or amd64-unicode")
if(FENZHANG_NSIS_TARGET)
    set(CPACK_NSIS_FENZHANG_TARGET "Target ${FENZHANG_NSIS_TARGET}")
else()
    set(CPACK_NSIS_FENZHANG_TARGET "Unicode true")
endif()
set(CPACK_NSIS_DISPLAY_NAME "Fenzhang Desk")
# The template and the strings CPack writes are UTF-8 (Chinese included): makensis would read them
# in the system code page (CP1252 on the Windows runners) without this. "-" works on every host.
set(CPACK_NSIS_EXECUTABLE_PRE_ARGUMENTS -INPUTCHARSET UTF8)
set(CPACK_NSIS_PACKAGE_NAME "Fenzhang Desk ${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "FenzhangDesk")
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
set(CPACK_NSIS_UNINSTALL_NAME "Uninstall Fenzhang Desk")
if(EXISTS "${CMAKE_SOURCE_DIR}/resources/icons/fenzhang-desk.ico")
    set(CPACK_NSIS_MUI_ICON "${CMAKE_SOURCE_DIR}/resources/icons/fenzhang-desk.ico")
    set(CPACK_NSIS_MUI_UNIICON "${CMAKE_SOURCE_DIR}/resources/icons/fenzhang-desk.ico")
endif()

# --- macOS: DMG -------------------------------------------------------------------------
set(CPACK_DMG_VOLUME_NAME "Fenzhang Desk")
set(CPACK_DMG_FORMAT "UDZO")

# --- Signing hooks: run only when the CI secrets are present ----------------------------
set(CPACK_PRE_BUILD_SCRIPTS "${CMAKE_CURRENT_LIST_DIR}/sign-binaries.cmake")
set(CPACK_POST_BUILD_SCRIPTS "${CMAKE_CURRENT_LIST_DIR}/sign-packages.cmake")

include(CPack)
