; Loyalty Desktop for Windows: the Inno Setup 6 installer of the PyInstaller bundle.
;
;   ISCC.exe /DAppVersion=0.1.0 /DSourceDir=<dist\loyalty-desktop> /DOutputDir=<folder> ^
;            /DRepoRoot=<checkout> packaging\windows\loyalty-desktop.iss
;
; Built by CI (.github/workflows/release.yml) on Windows, and on Linux under Wine by
; `make dist-windows` (packaging/windows/wine_build.py, ISCC.exe from npm's `innosetup`).
; - Per-user: no administrator rights, installs in %LOCALAPPDATA%\Programs\Loyalty Desktop
;   (PrivilegesRequired=lowest; /ALLUSERS on the command line for a machine-wide install).
; - English and French, chosen from the Windows display language (a dialog when neither matches).
; - Start-menu entries: the app and its offline demo; a desktop icon on request.
; - The uninstaller asks whether to keep the merchant's data folder (%LOCALAPPDATA%\loyalty-desktop:
;   the sync history, settings and logs; API keys are in the Windows Credential Manager and are
;   removed with `loyalty-desktop-cli key delete <platform>`). Silent uninstalls keep it unless
;   /DELETEDATA=yes is given.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef RepoRoot
  #define RepoRoot "..\.."
#endif
#ifndef SourceDir
  #define SourceDir RepoRoot + "\dist\loyalty-desktop"
#endif
#ifndef OutputDir
  #define OutputDir RepoRoot + "\dist"
#endif
#define AppName "Loyalty Desktop"
#define AppExe "loyalty-desktop.exe"

[Setup]
AppId={{5B0C7E2A-6F1D-4C3B-9A57-2E8D41F6A0C9}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName} contributors
VersionInfoVersion={#AppVersion}
; {autopf} written out: %LOCALAPPDATA%\Programs per user (what {userpf} is on Windows; Wine 8
; cannot resolve {userpf}, so `make dist-windows` could not install), Program Files for /ALLUSERS.
DefaultDirName={code:ProgramsRoot}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=loyalty-desktop-{#AppVersion}-setup
SetupIconFile={#RepoRoot}\resources\icons\loyalty-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Inno Setup's own French translation (Languages\French.isl of Inno Setup 6.4), kept beside this script.
Name: "fr"; MessagesFile: "French.isl"

[CustomMessages]
en.DemoShortcut=%1 (offline demo)
fr.DemoShortcut=%1 (démonstration hors ligne)
en.KeepData=Keep your Loyalty Desktop data?%n%n%1 holds your sync history, settings and logs. Keep it if you will install Loyalty Desktop again; choose No to delete it.%n%nYour API keys stay in the Windows Credential Manager either way.
fr.KeepData=Conserver vos données Loyalty Desktop ?%n%n%1 contient l'historique de vos synchronisations, vos réglages et les journaux. Conservez-le si vous réinstallerez Loyalty Desktop ; choisissez Non pour le supprimer.%n%nVos clés d'API restent dans le Gestionnaire d'identification Windows dans les deux cas.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autoprograms}\{cm:DemoShortcut,{#AppName}}"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
function ProgramsRoot(Param: String): String;
begin
  if IsAdminInstallMode() then
    Result := ExpandConstant('{commonpf}')
  else
    Result := ExpandConstant('{localappdata}\Programs');
end;

function DataDir(): String;
begin
  { platformdirs.user_data_path("loyalty-desktop", appauthor=False): settings and logs live there too }
  Result := ExpandConstant('{localappdata}\loyalty-desktop');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Delete: Boolean;
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataDir()) then
  begin
    if UninstallSilent() then
      Delete := ExpandConstant('{param:DELETEDATA|no}') <> 'no'
    else
      Delete := MsgBox(FmtMessage(CustomMessage('KeepData'), [DataDir()]), mbConfirmation,
                       MB_YESNO or MB_DEFBUTTON1) = IDNO;
    if Delete then
      DelTree(DataDir(), True, True, True);
  end;
end;
