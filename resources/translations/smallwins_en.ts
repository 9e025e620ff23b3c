<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>CaptureWindow</name>
    <message numerus="yes">
        <location filename="../../smallwins_desktop/app/capture/window.py" line="182" />
        <source>%n win(s) today</source>
        <translation><numerusform>%n win today</numerusform><numerusform>%n wins today</numerusform></translation></message>
</context>
<context>
    <name>JournalWindow</name>
    <message numerus="yes">
        <location filename="../../smallwins_desktop/app/journal/window.py" line="506" />
        <source>%Ln win(s)</source>
        <translation><numerusform>%Ln win</numerusform><numerusform>%Ln wins</numerusform></translation></message>
</context>
<context>
    <name>RhythmPanel</name>
    <message numerus="yes">
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="239" />
        <source>%n workday(s)</source>
        <translation><numerusform>%n workday</numerusform><numerusform>%n workdays</numerusform></translation></message>
    <message numerus="yes">
        <location filename="../../smallwins_desktop/app/journal/rhythm.py" line="241" />
        <source>%n win(s)</source>
        <translation><numerusform>%n win</numerusform><numerusform>%n wins</numerusform></translation></message>
</context>
<context><name>HeatmapView</name><message numerus="yes"><source>%n setback(s)</source><translation><numerusform>%n setback</numerusform><numerusform>%n setbacks</numerusform></translation></message><message numerus="yes"><source>%n win(s)</source><translation><numerusform>%n win</numerusform><numerusform>%n wins</numerusform></translation></message></context><context><name>Tray</name><message numerus="yes"><source>%n win(s) today</source><translation><numerusform>%n win today</numerusform><numerusform>%n wins today</numerusform></translation></message><message numerus="yes"><source>%n workday(s) in a row</source><translation><numerusform>%n workday in a row</numerusform><numerusform>%n workdays in a row</numerusform></translation></message></context></TS>