<qgis>
<renderer-v2 type="categorizedSymbol" attr="action">
<categories>
<category value="seizure" symbol="0" label="Seizure" render="true"/>
<category value="raid" symbol="1" label="Raid" render="true"/>
<category value="arrest" symbol="2" label="Arrest" render="true"/>
<category value="takedown" symbol="3" label="Takedown" render="true"/>
<category value="coordination" symbol="4" label="Coordination" render="true"/>
<category value="participation" symbol="5" label="Participation" render="true"/>
</categories>
<symbols>
<symbol name="0" type="marker" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleMarker" pass="0" locked="0"><prop k="name" v="square"/><prop k="angle" v="0"/><prop k="color" v="213,94,0,255"/><prop k="outline_color" v="255,255,255,255"/><prop k="outline_style" v="solid"/><prop k="outline_width" v="0.4"/><prop k="outline_width_unit" v="MM"/><prop k="size" v="4.00"/><prop k="size_unit" v="MM"/></layer></symbol>
<symbol name="1" type="marker" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleMarker" pass="0" locked="0"><prop k="name" v="triangle"/><prop k="angle" v="0"/><prop k="color" v="0,114,178,255"/><prop k="outline_color" v="255,255,255,255"/><prop k="outline_style" v="solid"/><prop k="outline_width" v="0.4"/><prop k="outline_width_unit" v="MM"/><prop k="size" v="4.60"/><prop k="size_unit" v="MM"/></layer></symbol>
<symbol name="2" type="marker" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleMarker" pass="0" locked="0"><prop k="name" v="diamond"/><prop k="angle" v="0"/><prop k="color" v="204,121,167,255"/><prop k="outline_color" v="255,255,255,255"/><prop k="outline_style" v="solid"/><prop k="outline_width" v="0.4"/><prop k="outline_width_unit" v="MM"/><prop k="size" v="4.60"/><prop k="size_unit" v="MM"/></layer></symbol>
<symbol name="3" type="marker" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleMarker" pass="0" locked="0"><prop k="name" v="cross_fill"/><prop k="angle" v="45"/><prop k="color" v="230,159,0,255"/><prop k="outline_color" v="255,255,255,255"/><prop k="outline_style" v="solid"/><prop k="outline_width" v="0.4"/><prop k="outline_width_unit" v="MM"/><prop k="size" v="4.00"/><prop k="size_unit" v="MM"/></layer></symbol>
<symbol name="4" type="marker" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleMarker" pass="0" locked="0"><prop k="name" v="star"/><prop k="angle" v="0"/><prop k="color" v="0,158,115,255"/><prop k="outline_color" v="255,255,255,255"/><prop k="outline_style" v="solid"/><prop k="outline_width" v="0.4"/><prop k="outline_width_unit" v="MM"/><prop k="size" v="5.60"/><prop k="size_unit" v="MM"/></layer></symbol>
<symbol name="5" type="marker" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleMarker" pass="0" locked="0"><prop k="name" v="circle"/><prop k="angle" v="0"/><prop k="color" v="86,180,233,255"/><prop k="outline_color" v="255,255,255,255"/><prop k="outline_style" v="solid"/><prop k="outline_width" v="0.4"/><prop k="outline_width_unit" v="MM"/><prop k="size" v="4.00"/><prop k="size_unit" v="MM"/></layer></symbol>
</symbols>
</renderer-v2>
</qgis>
