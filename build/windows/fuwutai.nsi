; Windows installer of Fuwutai (基层就业服务台), NSIS 3. Compiled on Linux by build/build-windows.sh:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DBUNDLE=build/out/windows/dist/fuwutai \
;            -DOUTFILE=dist/fuwutai-0.1.0-setup.exe [-DICON=build/icons/fuwutai.ico] build/windows/fuwutai.nsi
;
; setup.exe (per-machine, needs administrator rights):
;   /S                 silent install, no window (exit code 0 = installed, 2 = bad /CONFIG file)
;   /CONFIG=<file>     copy this preset fuwutai.toml beside the program; without it a fuwutai.toml lying
;                      beside setup.exe is copied; without either an existing preset is kept
;   /D=<folder>        install folder (last on the line, no quotes); default C:\Program Files\Fuwutai
; Installing over an installed version replaces the program and keeps the preset and all data.
; uninstall.exe:
;   /S                 silent; the data folder (%LOCALAPPDATA%\Fuwutai) is kept
;   /PURGE             also delete the current user's data folder (database, attachments, logs, backups)

Unicode true
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS all
SetCompressor /SOLID lzma
SetCompressorDictSize 32
RequestExecutionLevel admin

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef BUNDLE
  !error "pass -DBUNDLE=<folder of the PyInstaller one-folder bundle>"
!endif
!ifndef OUTFILE
  !define OUTFILE "fuwutai-${VERSION}-setup.exe"
!endif

!define APPNAME "Fuwutai"
!define DISPLAYNAME "基层就业服务台"
!define PUBLISHER "Fuwutai"
!define APPKEY "Software\Fuwutai"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Fuwutai"
!define SHORTCUT "$SMPROGRAMS\${DISPLAYNAME}.lnk"
!define DATADIR "$LOCALAPPDATA\Fuwutai"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

Name "${DISPLAYNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APPNAME}"
InstallDirRegKey HKLM "${APPKEY}" "InstallDir"
BrandingText "${DISPLAYNAME} ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

!ifdef VIVERSION
VIProductVersion "${VIVERSION}"
VIAddVersionKey /LANG=2052 "ProductName" "${DISPLAYNAME}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileDescription" "${DISPLAYNAME} 安装程序"
VIAddVersionKey /LANG=2052 "LegalCopyright" "${PUBLISHER}"
!endif

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Var PresetConfig

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "${DISPLAYNAME} 需要 64 位 Windows 10 或更新版本。" /SD IDOK
    SetErrorLevel 3
    Quit
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  ; The preset configuration: /CONFIG=<file>, else fuwutai.toml beside setup.exe, else none.
  StrCpy $PresetConfig ""
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/CONFIG=" $R1
  ${IfNot} ${Errors}
    ${IfNot} ${FileExists} "$R1"
      MessageBox MB_OK|MB_ICONSTOP "找不到预置配置文件：$R1$\r$\n请检查 /CONFIG= 后的路径，再重新运行安装程序。" /SD IDOK
      SetErrorLevel 2
      Quit
    ${EndIf}
    StrCpy $PresetConfig "$R1"
  ${ElseIf} ${FileExists} "$EXEDIR\fuwutai.toml"
    StrCpy $PresetConfig "$EXEDIR\fuwutai.toml"
  ${EndIf}
FunctionEnd

; A running program keeps its files locked: ask to close it rather than leave a half-replaced program.
!macro RemoveLocked FILE
  ${If} ${FileExists} "${FILE}"
    ${Do}
      ClearErrors
      Delete "${FILE}"
      ${IfNot} ${Errors}
        ${Break}
      ${EndIf}
      ${IfNot} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${DISPLAYNAME} 正在运行。请先关闭它（包括所有窗口），再点“重试”。" /SD IDCANCEL IDRETRY`
        SetErrorLevel 4
        Abort "${DISPLAYNAME} 正在运行，已取消。"
      ${EndIf}
    ${Loop}
  ${EndIf}
!macroend

Section "程序" SecMain
  SectionIn RO
  SetRegView 64
  SetShellVarContext all
  !insertmacro RemoveLocked "$INSTDIR\fuwutai.exe"
  !insertmacro RemoveLocked "$INSTDIR\fuwutaiw.exe"
  ; An upgrade replaces the whole program; the data folder is elsewhere and never touched here.
  RMDir /r "$INSTDIR\_internal"
  ; The 32-bit card helper (card-helper\fuwutai-card-helper.exe) comes with the bundle below.
  RMDir /r "$INSTDIR\card-helper"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}/*"

  ${If} $PresetConfig != ""
    CopyFiles /SILENT "$PresetConfig" "$INSTDIR\fuwutai.toml"
  ${EndIf}

  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; The console-less fuwutaiw.exe for the shortcut; fuwutai.exe (console) is the command line.
  ${If} ${FileExists} "$INSTDIR\fuwutaiw.exe"
    CreateShortcut "${SHORTCUT}" "$INSTDIR\fuwutaiw.exe" "" "$INSTDIR\fuwutai.exe" 0 SW_SHOWNORMAL "" "${DISPLAYNAME}"
  ${Else}
    CreateShortcut "${SHORTCUT}" "$INSTDIR\fuwutai.exe" "" "$INSTDIR\fuwutai.exe" 0 SW_SHOWNORMAL "" "${DISPLAYNAME}"
  ${EndIf}

  WriteRegStr HKLM "${APPKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${APPKEY}" "Version" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${DISPLAYNAME}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\fuwutai.exe,0"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

Section "un.程序" UnSecMain
  SectionIn RO
  SetRegView 64
  SetShellVarContext all
  !insertmacro RemoveLocked "$INSTDIR\fuwutai.exe"
  !insertmacro RemoveLocked "$INSTDIR\fuwutaiw.exe"
  Delete "${SHORTCUT}"
  RMDir /r "$INSTDIR\_internal"
  RMDir /r "$INSTDIR\card-helper"
  Delete "$INSTDIR\fuwutai.toml"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTKEY}"
  DeleteRegKey HKLM "${APPKEY}"
SectionEnd

; Off unless ticked (or /PURGE): the station's records stay on the machine after an uninstall.
Section /o "un.同时删除本机数据（数据库、附件、日志、备份，不可恢复）" UnSecData
  SetShellVarContext current
  RMDir /r "${DATADIR}"
SectionEnd

Function un.onInit
  SetRegView 64
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PURGE" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${UnSecData} ${SF_SELECTED}
  ${EndIf}
FunctionEnd
