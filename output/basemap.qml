<qgis>
<renderer-v2 type="singleSymbol">
<symbols>
<symbol name="0" type="fill" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleFill" pass="0" locked="0"><prop k="color" v="230,227,220,255"/><prop k="style" v="solid"/><prop k="outline_color" v="154,150,142,255"/><prop k="outline_style" v="solid"/><prop k="outline_width" v="0.2"/><prop k="outline_width_unit" v="MM"/></layer></symbol>
</symbols>
</renderer-v2>
</qgis>
