<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AppearancePage</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="86"/>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="89"/>
        <source>As the &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="89"/>
        <source>Follows your desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="90"/>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="90"/>
        <source>Always light.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="91"/>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="91"/>
        <source>Always dark.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaptureWindow</name>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="63"/>
        <source>Log a win — Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="66"/>
        <source>Log a win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="70"/>
        <source>What moved forward? #tag +goal !</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="71"/>
        <source>What moved forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="74"/>
        <source>Enter saves, Ctrl+Enter saves and stays open, Shift+Enter adds a line, Esc closes and keeps the draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="84"/>
        <source>How the win will be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="87"/>
        <source>Characters used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="95"/>
        <source>Impact: %s (Alt+%d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="96"/>
        <source>%s impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="119"/>
        <source>Today&apos;s wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="179"/>
        <source>Today so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="179"/>
        <source>Nothing logged yet today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../smallwins_desktop/app/capture/window.py" line="182"/>
        <source>%n win(s) today</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="257"/>
        <source>setback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="274"/>
        <source>You moved this forward before: %s (%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="284"/>
        <source>Goal +%s created and linked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CelebrationsPage</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="72"/>
        <source>Celebrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="75"/>
        <source>&amp;Full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="75"/>
        <source>In proportion to the win: more for big ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="76"/>
        <source>&amp;Subtle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="76"/>
        <source>A quiet check and the day&apos;s count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="77"/>
        <source>&amp;Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="77"/>
        <source>Just “Saved.”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfidenceLine</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="102"/>
        <source>Confidence per week, the last 12 weeks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataActions</name>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/data_actions.py" line="91"/>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/data_actions.py" line="92"/>
        <source>&amp;Restore a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/data_actions.py" line="93"/>
        <source>Open the &amp;data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/data_actions.py" line="125"/>
        <source>Restore the backup %s?

Small Wins will close, put the backup in place (the journal as it is now is backed up first) and start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/data_actions.py" line="138"/>
        <source>The restore could not be started; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/data_actions.py" line="148"/>
        <source>The data folder could not be opened: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="286"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="291"/>
        <source>Database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="292"/>
        <source>&amp;Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="293"/>
        <source>Open the data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="299"/>
        <source>Your wins are kept in this file, on this computer only:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="310"/>
        <source>What was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="322"/>
        <source>Backed up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="324"/>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="325"/>
        <source>Back up the database now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="327"/>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="328"/>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="330"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="331"/>
        <source>Export wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="333"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="334"/>
        <source>Import wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="348"/>
        <source>A backup is taken every day while Small Wins runs; the last 14 days and 8 weeks are kept beside the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="365"/>
        <source>The folder could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="70"/>
        <source>Export wins — Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="72"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="74"/>
        <source>Brag document (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="75"/>
        <source>Spreadsheet (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="76"/>
        <source>Everything, to move or keep (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="77"/>
        <source>jrnl (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="78"/>
        <source>jrnl journal (text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="81"/>
        <source>Only &amp;from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="82"/>
        <source>Only wins in a period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="86"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="86"/>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="91"/>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="92"/>
        <source>Any tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="96"/>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="97"/>
        <source>Any goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="100"/>
        <source>Include &amp;setbacks and lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="101"/>
        <source>Include setbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="102"/>
        <source>Include &amp;reflections and weekly reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="103"/>
        <source>Include reflections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="105"/>
        <source>What will be exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="108"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="112"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="121"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="124"/>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="125"/>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="126"/>
        <source>&amp;Tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="127"/>
        <source>&amp;Goal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="166"/>
        <source>No wins match: choose another period, tag or goal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="168"/>
        <source>1 win will be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="170"/>
        <source>%s wins will be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="177"/>
        <source>Export wins to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/export_dialog.py" line="201"/>
        <source>Nothing was exported: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FallbackWindow</name>
    <message>
        <location filename="../../smallwins_desktop/app/tray/fallback_window.py" line="36"/>
        <source>Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/fallback_window.py" line="39"/>
        <source>Your desktop has no system tray, so Small Wins shows this window instead. On GNOME, the AppIndicator extension adds a tray. Closing this window minimises it; reminders keep working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/fallback_window.py" line="47"/>
        <source>Today&apos;s wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/fallback_window.py" line="49"/>
        <source>A reminder is waiting: what moved forward today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/fallback_window.py" line="58"/>
        <source>&amp;Log a win…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/fallback_window.py" line="59"/>
        <source>Open &amp;journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/fallback_window.py" line="60"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/fallback_window.py" line="61"/>
        <source>&amp;Quit Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoalBar</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="60"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="65"/>
        <source>%d of %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="67"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="67"/>
        <source>not done yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoalRow</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="119"/>
        <source>
Done means: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="130"/>
        <source>Dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="133"/>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="180"/>
        <source>Overdue since %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="137"/>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="139"/>
        <source>Due %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="146"/>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="147"/>
        <source>Reopen %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="130"/>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="140"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="141"/>
        <source>Mark %s done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="143"/>
        <source>Drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="144"/>
        <source>Drop %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoalsView</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="203"/>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="204"/>
        <source>Goals — Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="209"/>
        <source>Micro-goals done by their due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="210"/>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="323"/>
        <source>No active goals. Add one below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="220"/>
        <source>A new goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="221"/>
        <source>New goal&apos;s title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="224"/>
        <source>Part of the objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="227"/>
        <source>No target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="228"/>
        <source>Target: wins that make it done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="230"/>
        <source>Due YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="231"/>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="233"/>
        <source>Done means…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="234"/>
        <source>What done means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="235"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="236"/>
        <source>Add the goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="245"/>
        <source>Show done and dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="246"/>
        <source>Show done and dropped goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="252"/>
        <source>Too many active micro-goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="257"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="259"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="260"/>
        <source>Undo: reopen the goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="321"/>
        <source>No goals yet. Add one below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="326"/>
        <source>Done by the due date: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="328"/>
        <source>No micro-goal fell due in the last 90 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="338"/>
        <source>On its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="341"/>
        <source>Under %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="350"/>
        <source>The due date is a day such as 2026-12-01.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="367"/>
        <source>Goal added: %s (+%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="369"/>
        <source>Its due date is already past, so it shows as overdue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="391"/>
        <source>Dropped: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="401"/>
        <source>Reopened: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/goals_view.py" line="403"/>
        <source>Its win “%s” went to the trash.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeatmapView</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/heatmap.py" line="40"/>
        <source>no wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/heatmap.py" line="47"/>
        <source>rest day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/heatmap.py" line="62"/>
        <source>Wins per day, the last 52 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/heatmap.py" line="92"/>
        <source>%d wins on %d days since %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/heatmap.py" line="239"/>
        <source>%s is a workday again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/heatmap.py" line="239"/>
        <source>Mark %s as a rest day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/heatmap.py" line="243"/>
        <source>Show this day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HotkeyService</name>
    <message>
        <location filename="../../smallwins_desktop/app/hotkey/service.py" line="102"/>
        <source>This Wayland desktop lets no application register a global shortcut (its desktop portal offers no GlobalShortcuts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/hotkey/service.py" line="107"/>
        <source>Small Wins cannot register a global shortcut on this desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/hotkey/service.py" line="109"/>
        <source>The global shortcut is not registered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/hotkey/service.py" line="133"/>
        <source>The global shortcut is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/hotkey/service.py" line="142"/>
        <source>Waiting for the desktop to allow %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="75"/>
        <source>Import wins — Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="77"/>
        <source>File to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="78"/>
        <source>A Small Wins JSON or CSV export, or a jrnl journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="79"/>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="80"/>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="82"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="84"/>
        <source>Tell from the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="85"/>
        <source>Small Wins (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="86"/>
        <source>Spreadsheet (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="87"/>
        <source>jrnl (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="88"/>
        <source>jrnl journal (text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="92"/>
        <source>jrnl time format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="93"/>
        <source>Choose a file to see what it would add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="95"/>
        <source>What the import would do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="98"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="113"/>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="116"/>
        <source>F&amp;ormat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="117"/>
        <source>jrnl &amp;time format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="129"/>
        <source>Import wins from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="140"/>
        <source>Reading the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="151"/>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="163"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="186"/>
        <source>Cancelled: nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/exchange/import_dialog.py" line="198"/>
        <source>%s entries read…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalWindow</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="93"/>
        <source>Journal — Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="105"/>
        <source>Search wins and tags  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="106"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="108"/>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="110"/>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="112"/>
        <source>Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="113"/>
        <source>Any impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="115"/>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="495"/>
        <source>%s impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="116"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="117"/>
        <source>Wins and setbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="118"/>
        <source>Wins only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="119"/>
        <source>Setbacks only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="120"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="124"/>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="125"/>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="126"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="127"/>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="132"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="133"/>
        <source>Clear all filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="137"/>
        <source>What is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="143"/>
        <source>Wins, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="152"/>
        <source>Nothing to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="181"/>
        <source>Filter by %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="219"/>
        <source>Your rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="229"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="233"/>
        <source>&amp;Log a win…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="239"/>
        <source>&amp;Reflect on today…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="246"/>
        <source>Weekly re&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="251"/>
        <source>&amp;Trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="254"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="257"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="260"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="261"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="262"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="264"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="269"/>
        <source>&amp;Edit the win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="272"/>
        <source>&amp;Delete the win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="277"/>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="280"/>
        <source>&amp;Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../smallwins_desktop/app/journal/window.py" line="506"/>
        <source>%Ln win(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="510"/>
        <source>All %s, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="109"/>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="459"/>
        <source>Any tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="111"/>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="466"/>
        <source>Any goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="284"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="286"/>
        <source>&amp;Goals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="489"/>
        <source>matching “%s”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="498"/>
        <source>setbacks only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="498"/>
        <source>wins only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="516"/>
        <source>No wins match these filters. Esc clears them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="519"/>
        <source>No wins yet. Press Ctrl+N to log your first: what moved forward today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="550"/>
        <source>delete “%s”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="557"/>
        <source>Moved to the trash: “%s”. It stays there for 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="579"/>
        <source>edit “%s”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="585"/>
        <source>Saved the change to “%s”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../smallwins_desktop/app/labels.py" line="15"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/parts.py" line="157"/>
        <source>Fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/parts.py" line="166"/>
        <source>more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/parts.py" line="169"/>
        <source>Heatmap legend: lighter is fewer wins</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../smallwins_desktop/app/capture/message.py" line="47"/>
        <source>Celebration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/message.py" line="53"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/message.py" line="64"/>
        <source>A past win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/message.py" line="67"/>
        <source>Create the goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/message.py" line="104"/>
        <source>There is no goal +%s yet; the win was saved without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/message.py" line="110"/>
        <source>Create +%s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/parts.py" line="69"/>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/parts.py" line="72"/>
        <location filename="../../smallwins_desktop/app/journal/parts.py" line="73"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/parts.py" line="74"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/parts.py" line="76"/>
        <source>Dismiss the notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="132"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="138"/>
        <source>none (the tray only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="139"/>
        <source>Notifications a day at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="142"/>
        <source>&amp;At most, per day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="146"/>
        <source>Notification backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="149"/>
        <source>Last notification outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="150"/>
        <source>Last deliveries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="152"/>
        <source>Send a &amp;test notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="153"/>
        <source>Send a test notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="162"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="166"/>
        <source>In use: %1 (tried in this order: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="172"/>
        <source>Not used yet; tried in this order: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="176"/>
        <source>Nothing sent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="180"/>
        <source>shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="182"/>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/page.py" line="43"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReflectionWindow</name>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/window.py" line="42"/>
        <source>Reflect — Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/window.py" line="44"/>
        <source>Reflect on the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/window.py" line="54"/>
        <source>The day&apos;s wins and setbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/window.py" line="61"/>
        <source>Confidence %d of 5, %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/window.py" line="71"/>
        <source>Save the reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/window.py" line="72"/>
        <source>Save (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/window.py" line="137"/>
        <source>Reflect on today · %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/window.py" line="139"/>
        <source>Reflect on %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/window.py" line="51"/>
        <source>Every question is optional; about a minute is enough.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/window.py" line="119"/>
        <source>Setback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/window.py" line="119"/>
        <source>Win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/window.py" line="123"/>
        <source>Nothing logged that day; reflecting is worth it all the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemindersPage</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="102"/>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="103"/>
        <source>End of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="104"/>
        <source>Weekly review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="106"/>
        <source>Next reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="117"/>
        <source>Next reminder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="119"/>
        <source>No reminder will come: both are off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RhythmPanel</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="184"/>
        <source>Your rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="186"/>
        <source>Streak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="188"/>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="196"/>
        <source>Journaling habit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="198"/>
        <source>Journaling habit score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="201"/>
        <source>Worth a look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="205"/>
        <source>Insights from your wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="207"/>
        <source>On this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="211"/>
        <source>Wins from a week, a month and a year ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="239"/>
        <source>%n workday(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="241"/>
        <source>%n win(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="256"/>
        <source>Your confidence each week, from 1 to 5, as you rated it in your reflections (latest %.1f).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="292"/>
        <source>and %d more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleBox</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="37"/>
        <source>Remind me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="38"/>
        <source>%s: on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="42"/>
        <source>%s: time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="44"/>
        <source>On my workdays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="45"/>
        <source>%s: on my workdays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="47"/>
        <source>%s: days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="49"/>
        <source>Only when today has no win yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="50"/>
        <source>%s: only when today has no win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="54"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="55"/>
        <source>%s: may come late by, in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="57"/>
        <source>A reminder missed while the computer slept still comes this late.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="62"/>
        <source>Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="63"/>
        <source>Days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="66"/>
        <source>Late by at most:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/dialog.py" line="52"/>
        <source>Settings — Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/dialog.py" line="54"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/dialog.py" line="74"/>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutPage</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="202"/>
        <source>Capture shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="204"/>
        <source>Capture shortcut keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="205"/>
        <source>Ctrl+Alt+W, or none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="208"/>
        <source>&amp;Keys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="211"/>
        <source>Shortcut state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="214"/>
        <source>Command to bind to a key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="215"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="216"/>
        <source>Copy the command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="223"/>
        <source>&lt;b&gt;GNOME&lt;/b&gt;: Settings → Keyboard → View and Customise Shortcuts → Custom Shortcuts → +.&lt;br&gt;&lt;b&gt;KDE Plasma&lt;/b&gt;: System Settings → Shortcuts → Add New → Command or Script.&lt;br&gt;&lt;b&gt;Sway&lt;/b&gt; and other Wayland compositors: a key binding (in Sway a &lt;code&gt;bindsym&lt;/code&gt; line) in the config file that runs the command.&lt;br&gt;&lt;b&gt;Windows&lt;/b&gt;: the Start menu shortcut&apos;s Properties → Shortcut key.&lt;br&gt;&lt;b&gt;macOS&lt;/b&gt;: the Shortcuts app → a “Run Shell Script” shortcut, then give it a key in its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="234"/>
        <source>How to bind the command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="237"/>
        <source>Command to bind by hand:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="249"/>
        <source>%1 opens the capture box from anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="255"/>
        <source>If the desktop asks nothing, bind the command below by hand:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="258"/>
        <source>No global shortcut is registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="260"/>
        <source>Bind the command below to a key in your desktop&apos;s settings:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartupPage</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/startup_page.py" line="30"/>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/startup_page.py" line="33"/>
        <source>Start Small Wins when I &amp;log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/startup_page.py" line="34"/>
        <source>Start Small Wins when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/startup_page.py" line="38"/>
        <source>Login item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/startup_page.py" line="41"/>
        <source>At login Small Wins starts quietly and waits for the panel&apos;s tray; where the desktop has no tray, its small window shows up instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/startup_page.py" line="61"/>
        <source>Login item: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/startup_page.py" line="63"/>
        <source>No login item (it would be %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagSuggestions</name>
    <message>
        <location filename="../../smallwins_desktop/app/capture/suggestions.py" line="41"/>
        <source>Suggested tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/suggestions.py" line="43"/>
        <source>Suggested:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/suggestions.py" line="81"/>
        <source>Add the tag %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/suggestions.py" line="82"/>
        <source>You used #%s on wins like this one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/trash.py" line="27"/>
        <source>Trash — Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/trash.py" line="28"/>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/trash.py" line="35"/>
        <source>Deleted wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/trash.py" line="41"/>
        <source>Deleted wins wait here for 30 days, then go for good. Enter restores one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/trash.py" line="50"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/trash.py" line="52"/>
        <source>Restore the selected win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/trash.py" line="63"/>
        <source>The trash is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="26"/>
        <source>No wins yet today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="27"/>
        <source>%n win(s) today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="77"/>
        <source>Small Wins menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="78"/>
        <source>Log a win…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="82"/>
        <source>Open journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="84"/>
        <source>Reflect on today…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="86"/>
        <source>Weekly review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="88"/>
        <source>Quit Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="90"/>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="166"/>
        <source>Snooze %d min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="94"/>
        <source>Skip today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="96"/>
        <source>Pause until tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="98"/>
        <source>Resume reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="100"/>
        <source>Notifications…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="102"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeekBars</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="31"/>
        <source>Wins per week, the last 12 weeks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeeklyReviewWindow</name>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="47"/>
        <source>Weekly review — Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="49"/>
        <source>Weekly review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="59"/>
        <source>The week in figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="63"/>
        <source>The week&apos;s wins by goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="67"/>
        <source>Micro-goals done and due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="72"/>
        <source>e.g. Draft the FAQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="73"/>
        <source>Next week&apos;s micro-goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="76"/>
        <source>Part of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="79"/>
        <source>no count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="80"/>
        <source>Target count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="84"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="85"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="86"/>
        <source>Add the micro-goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="90"/>
        <source>Micro-goals added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="93"/>
        <source>A word about the number of goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="99"/>
        <source>Save the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="121"/>
        <source>Next week’s micro-goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="155"/>
        <source>Your week · %s – %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="179"/>
        <source>No wins logged this week yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="203"/>
        <source>On its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="206"/>
        <source>Part of %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="227"/>
        <source>Added: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="258"/>
        <source>due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/reflection/review.py" line="259"/>
        <source>due %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WinEditor</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="56"/>
        <source>Edit the win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="59"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="61"/>
        <source>tags, separated by spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="62"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="67"/>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="68"/>
        <source>No goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="72"/>
        <source>Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="73"/>
        <source>Small</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="73"/>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="73"/>
        <source>Big</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="76"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="77"/>
        <source>Win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="78"/>
        <source>Setback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="80"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="86"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="88"/>
        <source>Save the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="90"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="91"/>
        <source>Cancel the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="163"/>
        <source>A tag is letters, digits, - and _ only: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkdaysPage</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="100"/>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="101"/>
        <source>Workdays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="105"/>
        <source>Streaks count these days only: a day off neither breaks nor lengthens one. Single days off (holidays) are marked in the journal&apos;s calendar. The end-of-day reminder comes on these days unless it has days of its own.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
