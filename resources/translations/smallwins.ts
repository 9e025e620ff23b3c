<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AppearancePage</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="84"/>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="87"/>
        <source>As the &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="87"/>
        <source>Follows your desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="88"/>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="88"/>
        <source>Always light.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="89"/>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="89"/>
        <source>Always dark.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaptureWindow</name>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="60"/>
        <source>Log a win — Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="63"/>
        <source>Log a win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="67"/>
        <source>What moved forward? #tag +goal !</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="68"/>
        <source>What moved forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="71"/>
        <source>Enter saves, Ctrl+Enter saves and stays open, Shift+Enter adds a line, Esc closes and keeps the draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="81"/>
        <source>How the win will be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="84"/>
        <source>Characters used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="92"/>
        <source>Impact: %s (Alt+%d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="93"/>
        <source>%s impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="111"/>
        <source>Today&apos;s wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="170"/>
        <source>Today so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="170"/>
        <source>Nothing logged yet today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../smallwins_desktop/app/capture/window.py" line="173"/>
        <source>%n win(s) today</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="226"/>
        <source>setback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/window.py" line="238"/>
        <source>Goal +%s created and linked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CelebrationsPage</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="70"/>
        <source>Celebrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="73"/>
        <source>&amp;Full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="73"/>
        <source>In proportion to the win: more for big ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="74"/>
        <source>&amp;Subtle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="74"/>
        <source>A quiet check and the day&apos;s count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="75"/>
        <source>&amp;Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="75"/>
        <source>Just “Saved.”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="276"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="281"/>
        <source>Database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="282"/>
        <source>&amp;Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="283"/>
        <source>Open the data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="289"/>
        <source>Your wins are kept in this file, on this computer only:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="302"/>
        <source>The folder could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FallbackWindow</name>
    <message>
        <location filename="../../smallwins_desktop/app/tray/fallback_window.py" line="35"/>
        <source>Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/fallback_window.py" line="38"/>
        <source>Your desktop has no system tray, so Small Wins shows this window instead. On GNOME, the AppIndicator extension adds a tray. Closing this window minimises it; reminders keep working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/fallback_window.py" line="46"/>
        <source>Today&apos;s wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/fallback_window.py" line="48"/>
        <source>A reminder is waiting: what moved forward today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/fallback_window.py" line="57"/>
        <source>&amp;Log a win…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/fallback_window.py" line="58"/>
        <source>Open &amp;journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/fallback_window.py" line="59"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/fallback_window.py" line="60"/>
        <source>&amp;Quit Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeatmapView</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/heatmap.py" line="56"/>
        <source>Wins per day, the last 52 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/heatmap.py" line="85"/>
        <source>%d wins on %d days since %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/heatmap.py" line="230"/>
        <source>%s is a workday again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/heatmap.py" line="230"/>
        <source>Mark %s as a rest day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/heatmap.py" line="234"/>
        <source>Show this day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HotkeyService</name>
    <message>
        <location filename="../../smallwins_desktop/app/hotkey/service.py" line="65"/>
        <source>Small Wins cannot register a global shortcut on this desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/hotkey/service.py" line="77"/>
        <source>The global shortcut is off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalWindow</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="186"/>
        <source>Journal — Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="198"/>
        <source>Search wins and tags  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="199"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="201"/>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="202"/>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="203"/>
        <source>Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="204"/>
        <source>Any impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="206"/>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="547"/>
        <source>%s impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="207"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="208"/>
        <source>Wins and setbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="209"/>
        <source>Wins only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="210"/>
        <source>Setbacks only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="211"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="215"/>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="216"/>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="217"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="218"/>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="223"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="224"/>
        <source>Clear all filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="228"/>
        <source>What is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="234"/>
        <source>Wins, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="243"/>
        <source>Nothing to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="274"/>
        <source>Filter by %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="314"/>
        <source>Your rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="324"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="328"/>
        <source>&amp;Log a win…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="332"/>
        <source>&amp;Trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="334"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="335"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="336"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="338"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="343"/>
        <source>&amp;Edit the win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="346"/>
        <source>&amp;Delete the win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="351"/>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="354"/>
        <source>&amp;Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="511"/>
        <source>Any tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="518"/>
        <source>Any goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="541"/>
        <source>matching “%s”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="550"/>
        <source>setbacks only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="550"/>
        <source>wins only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="558"/>
        <source>win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="558"/>
        <source>wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="560"/>
        <source>%s %s · %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="562"/>
        <source>All %s %s, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="568"/>
        <source>No wins match these filters. Esc clears them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="571"/>
        <source>No wins yet. Press Ctrl+N to log your first: what moved forward today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="602"/>
        <source>delete “%s”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="609"/>
        <source>Moved to the trash: “%s”. It stays there for 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="631"/>
        <source>edit “%s”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="637"/>
        <source>Saved the change to “%s”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../smallwins_desktop/app/capture/message.py" line="38"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/message.py" line="46"/>
        <source>Create the goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/message.py" line="78"/>
        <source>There is no goal +%s yet; the win was saved without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/message.py" line="84"/>
        <source>Create +%s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="115"/>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="118"/>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="119"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="120"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="122"/>
        <source>Dismiss the notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="130"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="136"/>
        <source>none (the tray only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="137"/>
        <source>Notifications a day at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="140"/>
        <source>&amp;At most, per day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="144"/>
        <source>Notification backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="147"/>
        <source>Last notification outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="148"/>
        <source>Last deliveries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="150"/>
        <source>Send a &amp;test notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="151"/>
        <source>Send a test notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="160"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="164"/>
        <source>In use: %1 (tried in this order: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="170"/>
        <source>Not used yet; tried in this order: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="174"/>
        <source>Nothing sent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="178"/>
        <source>shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="180"/>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationsWindow</name>
    <message>
        <location filename="../../smallwins_desktop/app/notify/window.py" line="28"/>
        <source>Notifications — Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/notify/window.py" line="31"/>
        <source>none (the tray&apos;s attention dot only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/notify/window.py" line="32"/>
        <source>Tried in this order: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/notify/window.py" line="35"/>
        <source>Last notification outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/notify/window.py" line="36"/>
        <source>Send a &amp;test notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/notify/window.py" line="37"/>
        <source>Send a test notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/notify/window.py" line="41"/>
        <source>Last deliveries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/notify/window.py" line="59"/>
        <source>Nothing sent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/notify/window.py" line="62"/>
        <source>shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/notify/window.py" line="62"/>
        <source>failed: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/page.py" line="42"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemindersPage</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="101"/>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="102"/>
        <source>End of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="103"/>
        <source>Weekly review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RhythmPanel</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="118"/>
        <source>Your rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="122"/>
        <source>Streak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="124"/>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="129"/>
        <source>Journaling habit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="131"/>
        <source>Journaling habit score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="134"/>
        <source>On this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="138"/>
        <source>Wins from a week, a month and a year ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="171"/>
        <source>%d %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="174"/>
        <source>%d win%s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="192"/>
        <source>and %d more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleBox</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="36"/>
        <source>Remind me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="37"/>
        <source>%s: on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="41"/>
        <source>%s: time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="43"/>
        <source>On my workdays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="44"/>
        <source>%s: on my workdays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="46"/>
        <source>%s: days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="48"/>
        <source>Only when today has no win yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="49"/>
        <source>%s: only when today has no win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="53"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="54"/>
        <source>%s: may come late by, in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="56"/>
        <source>A reminder missed while the computer slept still comes this late.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="61"/>
        <source>Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="62"/>
        <source>Days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/reminders_page.py" line="65"/>
        <source>Late by at most:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/dialog.py" line="51"/>
        <source>Settings — Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/dialog.py" line="53"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/dialog.py" line="73"/>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutPage</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="200"/>
        <source>Capture shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="202"/>
        <source>Capture shortcut keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="203"/>
        <source>Ctrl+Alt+W, or none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="206"/>
        <source>&amp;Keys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="209"/>
        <source>Shortcut state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="212"/>
        <source>Command to bind to a key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="213"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="214"/>
        <source>Copy the command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="221"/>
        <source>&lt;b&gt;GNOME&lt;/b&gt;: Settings → Keyboard → View and Customise Shortcuts → Custom Shortcuts → +.&lt;br&gt;&lt;b&gt;KDE Plasma&lt;/b&gt;: System Settings → Shortcuts → Add New → Command or Script.&lt;br&gt;&lt;b&gt;Windows&lt;/b&gt;: the Start menu shortcut&apos;s Properties → Shortcut key.&lt;br&gt;&lt;b&gt;macOS&lt;/b&gt;: the Shortcuts app → a “Run Shell Script” shortcut, then give it a key in its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="230"/>
        <source>How to bind the command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="233"/>
        <source>Command to bind by hand:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="245"/>
        <source>%1 opens the capture box from anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="248"/>
        <source>No global shortcut is registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="250"/>
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
        <location filename="../../smallwins_desktop/app/capture/suggestions.py" line="34"/>
        <source>Suggested tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/suggestions.py" line="38"/>
        <source>Suggested:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/suggestions.py" line="68"/>
        <source>Add the tag %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/capture/suggestions.py" line="69"/>
        <source>You used #%s on wins like this one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="669"/>
        <source>Trash — Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="670"/>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="677"/>
        <source>Deleted wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="683"/>
        <source>Deleted wins wait here for 30 days, then go for good. Enter restores one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="692"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="694"/>
        <source>Restore the selected win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="705"/>
        <source>The trash is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="63"/>
        <source>Small Wins menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="64"/>
        <source>Log a win…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="68"/>
        <source>Open journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="70"/>
        <source>Quit Small Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="72"/>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="75"/>
        <source>Snooze %d min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="80"/>
        <source>Skip today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="82"/>
        <source>Pause until tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="84"/>
        <source>Resume reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="86"/>
        <source>Notifications…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/tray/tray.py" line="88"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeekBars</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="26"/>
        <source>Wins per week, the last 12 weeks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WinEditor</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="57"/>
        <source>Edit the win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="60"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="62"/>
        <source>tags, separated by spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="63"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="68"/>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="69"/>
        <source>No goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="73"/>
        <source>Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="74"/>
        <source>Small</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="74"/>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="74"/>
        <source>Big</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="77"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="78"/>
        <source>Win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="79"/>
        <source>Setback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="81"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="89"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="91"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="93"/>
        <source>Save the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="95"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="96"/>
        <source>Cancel the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/editor.py" line="169"/>
        <source>A tag is letters, digits, - and _ only: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkdaysPage</name>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="98"/>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="99"/>
        <source>Workdays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/settings/pages.py" line="103"/>
        <source>Streaks count these days only: a day off neither breaks nor lengthens one. Single days off (holidays) are marked in the journal&apos;s calendar. The end-of-day reminder comes on these days unless it has days of its own.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Legend</name>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="743"/>
        <source>Fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="752"/>
        <source>more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smallwins_desktop/app/journal/window.py" line="755"/>
        <source>Heatmap legend: lighter is fewer wins</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
