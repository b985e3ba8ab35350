<#
.SYNOPSIS
    Builds the Windows installer, dist\vfk_desktop-VERSION-setup.exe, on a Windows machine.

.DESCRIPTION
    1. creates a virtual environment in .venv-build (once) and installs the app with its build extra;
    2. runs PyInstaller with installer\vfk_desktop.spec: dist\vfk_desktop\ holds vfk-desktop.exe
       (the window), vfk.exe (the command line) and their shared _internal folder;
    3. runs the frozen checks (installer\check_bundle.py): the smoke test, vfk init --sample, fare,
       import, check, chart and report, on a fresh database in a temporary folder;
    4. compiles installer\windows\vfk_desktop.iss with Inno Setup 6 (ISCC.exe).

    Needs Python 3.11 or newer and Inno Setup 6 (winget install JRSoftware.InnoSetup, or
    choco install innosetup). Run from any folder:
        powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1

.PARAMETER Python
    The Python that creates .venv-build (default: the py launcher's 3.11, else python on PATH).

.PARAMETER BundleOnly
    Stop after the frozen checks: build and check dist\vfk_desktop without Inno Setup.
#>
param(
    [string]$Python = "",
    [switch]$BundleOnly
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
$Venv = Join-Path $Root ".venv-build"
$Py = Join-Path $Venv "Scripts\python.exe"
$Dist = Join-Path $Root "dist"
$Bundle = Join-Path $Dist "vfk_desktop"

function Step([string]$What) { Write-Host "==> $What" }

function Invoke-Native([string]$What, [scriptblock]$Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)." }
}

function Find-Iscc {
    $found = Get-Command "ISCC.exe" -ErrorAction SilentlyContinue
    if ($found) { return $found.Source }
    $places = @(
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
    )
    foreach ($place in $places) { if (Test-Path $place) { return $place } }
    throw "Inno Setup 6 is not installed: winget install JRSoftware.InnoSetup (or choco install innosetup)."
}

if (-not (Test-Path $Py)) {
    Step "Creating $Venv"
    if ($Python) { Invoke-Native "Creating the virtual environment" { & $Python -m venv $Venv } }
    elseif (Get-Command "py" -ErrorAction SilentlyContinue) {
        Invoke-Native "Creating the virtual environment" { & py -3.11 -m venv $Venv }
    }
    else { Invoke-Native "Creating the virtual environment" { & python -m venv $Venv } }
}
Step "Installing vfk_desktop and PyInstaller into $Venv"
Invoke-Native "Updating pip" { & $Py -m pip install --quiet --upgrade pip }
Invoke-Native "Installing vfk_desktop[build]" { & $Py -m pip install --quiet "$Root[build]" }

# The package comes from this checkout; UTF-8 for the build's own output.
$env:PYTHONPATH = $Root
$env:PYTHONUTF8 = "1"
$version = (& $Py (Join-Path $Root "installer\buildinfo.py")).Trim()
$windowsVersion = (& $Py (Join-Path $Root "installer\buildinfo.py") --windows).Trim()

Step "Building vfk_desktop $version into $Bundle"
$started = Get-Date
Invoke-Native "PyInstaller" {
    & $Py -m PyInstaller --noconfirm --log-level WARN --distpath $Dist `
        --workpath (Join-Path $Root "build\pyinstaller") (Join-Path $Root "installer\vfk_desktop.spec")
}
$seconds = [int]((Get-Date) - $started).TotalSeconds

Step "Frozen checks"
Invoke-Native "The frozen checks" { & $Py (Join-Path $Root "installer\check_bundle.py") $Bundle }
$megabytes = [int]((Get-ChildItem $Bundle -Recurse -File | Measure-Object -Property Length -Sum).Sum / 1MB)
Step "Bundle: $Bundle, $megabytes MB, built in $seconds s"
if ($BundleOnly) { return }

$iscc = Find-Iscc
Step "Compiling the installer with $iscc"
Invoke-Native "Inno Setup" {
    & $iscc /Q "/DAppVersion=$version" "/DAppVersionWin=$windowsVersion" "/DSourceDir=$Bundle" "/O$Dist" `
        (Join-Path $Root "installer\windows\vfk_desktop.iss")
}
$setup = Join-Path $Dist "vfk_desktop-$version-setup.exe"
if (-not (Test-Path $setup)) { throw "Inno Setup finished but $setup is not there." }
Step ("Installer: $setup, {0:N0} MB" -f ((Get-Item $setup).Length / 1MB))
