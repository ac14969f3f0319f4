<qgis>
<renderer-v2 type="singleSymbol">
<symbols>
<symbol name="0" type="line" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleLine" pass="0" locked="0"><prop k="line_color" v="47,79,79,204"/><prop k="line_style" v="solid"/><prop k="line_width" v="0.6"/><prop k="line_width_unit" v="MM"/><prop k="capstyle" v="round"/><prop k="joinstyle" v="round"/></layer></symbol>
</symbols>
</renderer-v2>
</qgis>
