; Inno Setup 6 script: vfk_desktop for one Windows user, without administrator rights.
; Built by installer\windows\build.ps1, which passes the version and the bundle folder:
;   ISCC /DAppVersion=0.1.0 /DAppVersionWin=0.1.0.0 /DSourceDir=...\dist\vfk_desktop /O...\dist vfk_desktop.iss
;
; Installs into %LOCALAPPDATA%\Programs\vfk_desktop with a Start-menu shortcut (and a desktop one if
; chosen). The uninstaller removes the program only: the database, its backups and the log in
; %LOCALAPPDATA%\Kent\vfk_desktop, and the settings under HKCU\Software\Kent, stay.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef AppVersionWin
  #define AppVersionWin "0.0.0.0"
#endif
#define Root AddBackslash(SourcePath) + "..\.."
#ifndef SourceDir
  #define SourceDir Root + "\dist\vfk_desktop"
#endif
#define AppName "vfk_desktop"
#define AppExe "vfk-desktop.exe"

[Setup]
; The AppId identifies this program across versions: never change it, or upgrades install twice.
AppId={{AE59B9D3-AE61-4BD0-B6BC-1791A20DBF0B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Kent district councils
AppComments=Locality Board figures for Kent's districts under the Vision for Kent 2011-2021
VersionInfoVersion={#AppVersionWin}
VersionInfoProductVersion={#AppVersionWin}
VersionInfoDescription={#AppName} {#AppVersion} setup
; Per user, no administrator: {userpf} is %LOCALAPPDATA%\Programs
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile={#Root}\resources\icons\vfk-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade starts from a clean program folder: no library of the previous version is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "How does your district fare in Kent?"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The program folder only. The officer's data lives elsewhere and is kept.
Type: filesandordirs; Name: "{app}"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\Kent\vfk_desktop');
    if DirExists(DataDir) and not UninstallSilent then
      MsgBox('vfk_desktop is uninstalled. Your database and its backups are kept in ' + DataDir +
             '; delete that folder yourself if you no longer need them.', mbInformation, MB_OK);
  end;
end;
