<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="38" />
        <source>窗口经办</source>
        <translation>窗口经办</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="39" />
        <source>审核</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="40" />
        <source>站点管理员</source>
        <translation>站点管理员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="244" />
        <source>添加工作人员账号</source>
        <translation>添加工作人员账号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="251" />
        <source>用户名：</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="252" />
        <source>姓名：</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="253" />
        <source>角色：</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="254" />
        <source>初始密码：</source>
        <translation>初始密码：</translation>
    </message>
</context>
<context>
    <name>AttachmentEditor</name>
    <message>
        <location filename="../../ui/forms/attachments.py" line="61" />
        <source>添加文件…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/forms/attachments.py" line="62" />
        <source>移除所选</source>
        <translation>移除所选</translation>
    </message>
    <message>
        <location filename="../../ui/forms/attachments.py" line="63" />
        <source>也可以在列表中选中后按 Delete 键</source>
        <translation>也可以在列表中选中后按 Delete 键</translation>
    </message>
    <message>
        <location filename="../../ui/forms/attachments.py" line="98" />
        <source>选择材料扫描件</source>
        <translation>选择材料扫描件</translation>
    </message>
    <message>
        <location filename="../../ui/forms/attachments.py" line="100" />
        <source>图片或 PDF (*.png *.jpg *.jpeg *.tif *.tiff *.pdf);;所有文件 (*)</source>
        <translation>图片或 PDF (*.png *.jpg *.jpeg *.tif *.tiff *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/forms/attachments.py" line="109" />
        <source>最多只能添加 {limit} 个文件。</source>
        <translation>最多只能添加 {limit} 个文件。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/attachments.py" line="116" />
        <source>无法读取文件“{name}”：{reason}。请确认文件存在且有权限读取。</source>
        <translation>无法读取文件“{name}”：{reason}。请确认文件存在且有权限读取。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/attachments.py" line="146" />
        <source>已保存的文件 {short}…</source>
        <translation>已保存的文件 {short}…</translation>
    </message>
</context>
<context>
    <name>CardDifferencesDialog</name>
    <message>
        <location filename="../../ui/pages/card_differences.py" line="16" />
        <source>卡上信息与系统记录不一致</source>
        <translation>卡上信息与系统记录不一致</translation>
    </message>
    <message>
        <location filename="../../ui/pages/card_differences.py" line="18" />
        <source>请核对证件原件后选择以哪一方为准。</source>
        <translation>请核对证件原件后选择以哪一方为准。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/card_differences.py" line="22" />
        <source>项目</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/card_differences.py" line="23" />
        <source>卡上</source>
        <translation>卡上</translation>
    </message>
    <message>
        <location filename="../../ui/pages/card_differences.py" line="24" />
        <source>系统中</source>
        <translation>系统中</translation>
    </message>
    <message>
        <location filename="../../ui/pages/card_differences.py" line="26" />
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/card_differences.py" line="27" />
        <source>社会保障号码</source>
        <translation>社会保障号码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/card_differences.py" line="39" />
        <source>以卡上信息为准</source>
        <translation>以卡上信息为准</translation>
    </message>
    <message>
        <location filename="../../ui/pages/card_differences.py" line="40" />
        <source>保留系统记录</source>
        <translation>保留系统记录</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="26" />
        <source>提交审核</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="27" />
        <source>转入核验</source>
        <translation>转入核验</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="28" />
        <source>审核通过</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="29" />
        <source>不予办理</source>
        <translation>不予办理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="30" />
        <source>退回修改</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="31" />
        <source>办结</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="32" />
        <source>撤回</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="33" />
        <source>注销</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="59" />
        <source>在左侧选择一件办件。</source>
        <translation>在左侧选择一件办件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="71" />
        <source>打印受理回执</source>
        <translation>打印受理回执</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="72" />
        <source>打印承诺书</source>
        <translation>打印承诺书</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="73" />
        <source>打印登记表</source>
        <translation>打印登记表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="82" />
        <source>打印受理回执（Ctrl+P）</source>
        <translation>打印受理回执（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="84" />
        <source>办理过程</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="105" />
        <source>正在打开办件……</source>
        <translation>正在打开办件……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="116" />
        <source>（书面承诺）</source>
        <translation>（书面承诺）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="119" />
        <source>草稿，尚未受理</source>
        <translation>草稿，尚未受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="121" />
        <source>即时办结，无办理期限</source>
        <translation>即时办结，无办理期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="124" />
        <source>已超期 {0} 个工作日（期限 {1}）</source>
        <translation>已超期 {0} 个工作日（期限 {1}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="126" />
        <source>还剩 {0} 个工作日（期限 {1}）</source>
        <translation>还剩 {0} 个工作日（期限 {1}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="129" />
        <source>期限 {0}</source>
        <translation>期限 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="137" />
        <source>继续填写</source>
        <translation>继续填写</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="193" />
        <source>正在办理……</source>
        <translation>正在办理……</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="105" />
        <source>以书面承诺方式受理</source>
        <translation>以书面承诺方式受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="111" />
        <source>承诺件办理时限：{0} 个工作日</source>
        <translation>承诺件办理时限：{0} 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="114" />
        <source>保存草稿（Ctrl+S）</source>
        <translation>保存草稿（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="116" />
        <source>受理（Ctrl+Enter）</source>
        <translation>受理（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="118" />
        <source>关闭（Esc）</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="160" />
        <source>附件未能保存：</source>
        <translation>附件未能保存：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="162" />
        <source>正在保存附件……</source>
        <translation>正在保存附件……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="163" />
        <source>附件已保存。</source>
        <translation>附件已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="169" />
        <source>本机没有配置读卡器，请在“设置”中选择读卡器类型。</source>
        <translation>本机没有配置读卡器，请在“设置”中选择读卡器类型。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="172" />
        <source>正在读卡……</source>
        <translation>正在读卡……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="185" />
        <source>卡上没有持卡人信息，请改用厂商读卡器或身份证读卡。</source>
        <translation>卡上没有持卡人信息，请改用厂商读卡器或身份证读卡。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="201" />
        <source>已读卡并填入证件号码。</source>
        <translation>已读卡并填入证件号码。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="206" />
        <source>有未保存的修改……</source>
        <translation>有未保存的修改……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="238" />
        <source>草稿已保存 {0}</source>
        <translation>草稿已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="247" />
        <source>草稿未能保存：</source>
        <translation>草稿未能保存：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="249" />
        <source>正在保存草稿……</source>
        <translation>正在保存草稿……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="261" />
        <source>材料不齐</source>
        <translation>材料不齐</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="262" />
        <source>以下材料尚未勾选：{0}。仍然受理吗？</source>
        <translation>以下材料尚未勾选：{0}。仍然受理吗？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="295" />
        <source>正在受理……</source>
        <translation>正在受理……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="298" />
        <source>办理期限：{0}</source>
        <translation>办理期限：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="298" />
        <source>即时办结</source>
        <translation>即时办结</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="299" />
        <source>已受理，办件编号 {0}。</source>
        <translation>已受理，办件编号 {0}。</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../ui/pages/cases.py" line="31" />
        <source>办件</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="38" />
        <source>全部状态</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="41" />
        <source>全部事项</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="45" />
        <source>不限期限</source>
        <translation>不限期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="45" />
        <source>已超期</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="45" />
        <source>2 个工作日内到期</source>
        <translation>2 个工作日内到期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="47" />
        <source>全部经办人</source>
        <translation>全部经办人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="47" />
        <source>我经办的</source>
        <translation>我经办的</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="58" />
        <source>办件编号</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="59" />
        <source>事项</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="60" />
        <source>办理人</source>
        <translation>办理人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="61" />
        <source>证件号码</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="62" />
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="63" />
        <source>受理日期</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="64" />
        <source>办理期限</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="65" />
        <source>同步</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="65" />
        <source>已同步</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="65" />
        <source>待同步</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="135" />
        <source>共 {0} 件</source>
        <translation>共 {0} 件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="137" />
        <source>正在读取办件……</source>
        <translation>正在读取办件……</translation>
    </message>
</context>
<context>
    <name>CodeEditor</name>
    <message>
        <location filename="../../ui/forms/choice_editors.py" line="43" />
        <source>本机缺少代码表“{table}”，请同步参考数据。</source>
        <translation>本机缺少代码表“{table}”，请同步参考数据。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/choice_editors.py" line="45" />
        <source>“{text}”不是列表中的选项，请从列表中选择。</source>
        <translation>“{text}”不是列表中的选项，请从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/choice_editors.py" line="58" />
        <source>{code}（代码表中没有此代码）</source>
        <translation>{code}（代码表中没有此代码）</translation>
    </message>
</context>
<context>
    <name>CommitmentEditor</name>
    <message>
        <location filename="../../ui/forms/commitment.py" line="26" />
        <source>申请人已签署书面承诺</source>
        <translation>申请人已签署书面承诺</translation>
    </message>
</context>
<context>
    <name>ConflictScreen</name>
    <message>
        <location filename="../../ui/sync_screens.py" line="240" />
        <location filename="../../ui/sync_screens.py" line="295" />
        <source>没有待处理的冲突。</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="246" />
        <source>字段</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="246" />
        <source>本机的值</source>
        <translation>本机的值</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="246" />
        <source>平台的值</source>
        <translation>平台的值</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="246" />
        <source>采用</source>
        <translation>采用</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="252" />
        <source>全部保留本机</source>
        <translation>全部保留本机</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="254" />
        <source>全部采用平台</source>
        <translation>全部采用平台</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="256" />
        <source>按所选处理冲突</source>
        <translation>按所选处理冲突</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="298" />
        <source>本机和平台都修改了这条“{0}”记录。请逐项选择保留哪一方，标 * 的字段必须选择。</source>
        <translation>本机和平台都修改了这条“{0}”记录。请逐项选择保留哪一方，标 * 的字段必须选择。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="300" />
        <source>平台已删除此记录。</source>
        <translation>平台已删除此记录。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="312" />
        <source>请选择</source>
        <translation>请选择</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="313" />
        <source>保留本机</source>
        <translation>保留本机</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="314" />
        <source>采用平台</source>
        <translation>采用平台</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="355" />
        <source>冲突</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="355" />
        <source>还有标 * 的字段没有选择保留哪一方，请逐项选择。</source>
        <translation>还有标 * 的字段没有选择保留哪一方，请逐项选择。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="21" />
        <source>已超期</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="22" />
        <source>2 个工作日内到期</source>
        <translation>2 个工作日内到期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="23" />
        <source>今日受理</source>
        <translation>今日受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="24" />
        <source>待回访</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="25" />
        <source>草稿</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="32" />
        <source>工作台</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="75" />
        <source>正在刷新工作台……</source>
        <translation>正在刷新工作台……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="91" />
        <source>超期 {0} 个工作日</source>
        <translation>超期 {0} 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="93" />
        <source>剩 {0} 个工作日</source>
        <translation>剩 {0} 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="99" />
        <source>（无）</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="105" />
        <source>同步：本机尚未接入省级平台，所有修改都保存在本机（待同步 {0} 条）。</source>
        <translation>同步：本机尚未接入省级平台，所有修改都保存在本机（待同步 {0} 条）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="107" />
        <source>同步：上次同步未完成（{1}），待同步 {0} 条，联网后会自动重试。</source>
        <translation>同步：上次同步未完成（{1}），待同步 {0} 条，联网后会自动重试。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="111" />
        <source>同步：待同步 {0} 条，上次成功 {1}。</source>
        <translation>同步：待同步 {0} 条，上次成功 {1}。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="111" />
        <source>尚无</source>
        <translation>尚无</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="115" />
        <source> 有 {0} 条冲突、{1} 条被平台退回，请在状态栏“冲突与退回”中处理。</source>
        <translation> 有 {0} 条冲突、{1} 条被平台退回，请在状态栏“冲突与退回”中处理。</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../ui/forms/date_editor.py" line="89" />
        <source>直接输入年月日（如 20250301），或按 F4 打开日历；按 Delete 清空。</source>
        <translation>直接输入年月日（如 20250301），或按 F4 打开日历；按 Delete 清空。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/date_editor.py" line="114" />
        <source>保存的日期“{text}”无效，请重新选择。</source>
        <translation>保存的日期“{text}”无效，请重新选择。</translation>
    </message>
</context>
<context>
    <name>DivisionEditor</name>
    <message>
        <location filename="../../ui/forms/division_picker.py" line="21" />
        <source>市州</source>
        <translation>市州</translation>
    </message>
    <message>
        <location filename="../../ui/forms/division_picker.py" line="22" />
        <source>县（市、区）</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../ui/forms/division_picker.py" line="23" />
        <source>乡镇（街道）</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/forms/division_picker.py" line="24" />
        <source>村（社区）</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../ui/forms/division_picker.py" line="105" />
        <source>区划代码 {code} 不在本机区划数据中，请重新选择。</source>
        <translation>区划代码 {code} 不在本机区划数据中，请重新选择。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/division_picker.py" line="107" />
        <source>“{text}”不是列表中的地名，请从列表中选择。</source>
        <translation>“{text}”不是列表中的地名，请从列表中选择。</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <location filename="../../ui/forms/field_row.py" line="69" />
        <source>必填</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>FlagEditor</name>
    <message>
        <location filename="../../ui/forms/choice_editors.py" line="130" />
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/forms/choice_editors.py" line="131" />
        <source>否</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>IdDocumentEditor</name>
    <message>
        <location filename="../../ui/forms/id_document.py" line="30" />
        <source>{label}：证件类型</source>
        <translation>{label}：证件类型</translation>
    </message>
    <message>
        <location filename="../../ui/forms/id_document.py" line="35" />
        <source>{label}：号码</source>
        <translation>{label}：号码</translation>
    </message>
    <message>
        <location filename="../../ui/forms/id_document.py" line="39" />
        <source>读卡</source>
        <translation>读卡</translation>
    </message>
    <message>
        <location filename="../../ui/forms/id_document.py" line="42" />
        <source>从读卡器读取身份证或社会保障卡（F2）</source>
        <translation>从读卡器读取身份证或社会保障卡（F2）</translation>
    </message>
    <message>
        <location filename="../../ui/forms/id_document.py" line="48" />
        <source>本机缺少代码表“{table}”，请同步参考数据。</source>
        <translation>本机缺少代码表“{table}”，请同步参考数据。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/id_document.py" line="80" />
        <source>{code}（代码表中没有此证件类型）</source>
        <translation>{code}（代码表中没有此证件类型）</translation>
    </message>
</context>
<context>
    <name>IntegerEditor</name>
    <message>
        <location filename="../../ui/forms/text_editors.py" line="102" />
        <source>{low}–{high}</source>
        <translation>{low}–{high}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="82" />
        <source>基层就业服务台 — 登录</source>
        <translation>基层就业服务台 — 登录</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../../ui/login.py" line="33" />
        <source>用户名</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="34" />
        <source>密码</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="40" />
        <source>解锁</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="40" />
        <source>登录</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="53" />
        <source>请输入用户名和密码。</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="76" />
        <source>正在登录……</source>
        <translation>正在登录……</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="35" />
        <source>基层就业服务台 — </source>
        <translation>基层就业服务台 — </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114" />
        <source>未接入平台</source>
        <translation>未接入平台</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139" />
        <source>待同步 {0} 条</source>
        <translation>待同步 {0} 条</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141" />
        <source>，{0} 条待处理</source>
        <translation>，{0} 条待处理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153" />
        <source>已锁定。请输入密码解锁，未保存的内容仍在。</source>
        <translation>已锁定。请输入密码解锁，未保存的内容仍在。</translation>
    </message>
</context>
<context>
    <name>MaterialsChecklist</name>
    <message>
        <location filename="../../ui/forms/materials.py" line="24" />
        <source>材料清单</source>
        <translation>材料清单</translation>
    </message>
    <message>
        <location filename="../../ui/forms/materials.py" line="47" />
        <source>无需申请人提供（请勿索要）：{items}</source>
        <translation>无需申请人提供（请勿索要）：{items}</translation>
    </message>
    <message>
        <location filename="../../ui/forms/materials.py" line="63" />
        <source>（必须提供）</source>
        <translation>（必须提供）</translation>
    </message>
</context>
<context>
    <name>MoneyEditor</name>
    <message>
        <location filename="../../ui/forms/text_editors.py" line="80" />
        <source>如 1800 或 1800.50</source>
        <translation>如 1800 或 1800.50</translation>
    </message>
</context>
<context>
    <name>MultiCodeEditor</name>
    <message>
        <location filename="../../ui/forms/choice_editors.py" line="96" />
        <source>本机缺少代码表“{table}”，请同步参考数据。</source>
        <translation>本机缺少代码表“{table}”，请同步参考数据。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/choice_editors.py" line="113" />
        <source>{code}（代码表中没有此代码）</source>
        <translation>{code}（代码表中没有此代码）</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <location filename="../../ui/pages/person_editor.py" line="53" />
        <source>修改人员资料</source>
        <translation>修改人员资料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_editor.py" line="53" />
        <source>新建人员</source>
        <translation>新建人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_editor.py" line="63" />
        <source>证件类型</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_editor.py" line="65" />
        <source>证件号码</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_editor.py" line="66" />
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_editor.py" line="67" />
        <source>手机号码</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_editor.py" line="68" />
        <source>社保卡卡号</source>
        <translation>社保卡卡号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_editor.py" line="69" />
        <source>常住地址</source>
        <translation>常住地址</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_editor.py" line="70" />
        <source>户籍地址</source>
        <translation>户籍地址</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_editor.py" line="100" />
        <source>人员标签</source>
        <translation>人员标签</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_editor.py" line="107" />
        <source>保存（Ctrl+S）</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_editor.py" line="109" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_editor.py" line="169" />
        <source>出生日期 {0}，性别 {1}</source>
        <translation>出生日期 {0}，性别 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_editor.py" line="196" />
        <location filename="../../ui/pages/person_editor.py" line="258" />
        <source>该证件号码已经登记过，点此打开已有人员</source>
        <translation>该证件号码已经登记过，点此打开已有人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_editor.py" line="267" />
        <source>正在保存……</source>
        <translation>正在保存……</translation>
    </message>
</context>
<context>
    <name>PersonProfile</name>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="56" />
        <source>在左侧选择人员，或按 Ctrl+N 新建。</source>
        <translation>在左侧选择人员，或按 Ctrl+N 新建。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="65" />
        <source>办理</source>
        <translation>办理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="67" />
        <source>修改资料</source>
        <translation>修改资料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="74" />
        <source>基本信息</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="77" />
        <source>办件</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="78" />
        <source>回访与跟踪</source>
        <translation>回访与跟踪</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="79" />
        <source>查看与修改记录</source>
        <translation>查看与修改记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="113" />
        <source>正在打开人员资料……</source>
        <translation>正在打开人员资料……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="119" />
        <source>（待同步）</source>
        <translation>（待同步）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="123" />
        <source>证件</source>
        <translation>证件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="124" />
        <source>性别</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="125" />
        <source>出生日期</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="126" />
        <source>手机</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="127" />
        <source>常住地址</source>
        <translation>常住地址</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="128" />
        <source>户籍地址</source>
        <translation>户籍地址</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="129" />
        <source>标签</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="131" />
        <source>其他证件</source>
        <translation>其他证件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="139" />
        <source>家庭</source>
        <translation>家庭</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="139" />
        <source>已登记</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="157" />
        <source>已完成</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="157" />
        <source>待办</source>
        <translation>待办</translation>
    </message>
</context>
<context>
    <name>PersonsPage</name>
    <message>
        <location filename="../../ui/pages/persons.py" line="44" />
        <source>人员</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="49" />
        <source>输入证件号码、姓名、拼音、拼音首字母或手机尾号（Ctrl+F）</source>
        <translation>输入证件号码、姓名、拼音、拼音首字母或手机尾号（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="52" />
        <source>读卡（F2）</source>
        <translation>读卡（F2）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="54" />
        <source>读社会保障卡或身份证，找到人员或新建（F2）</source>
        <translation>读社会保障卡或身份证，找到人员或新建（F2）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="56" />
        <source>新建人员（Ctrl+N）</source>
        <translation>新建人员（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="68" />
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="69" />
        <source>证件号码</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="70" />
        <source>性别</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="71" />
        <source>出生日期</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="72" />
        <source>手机尾号</source>
        <translation>手机尾号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="147" />
        <source>找到 {0} 人</source>
        <translation>找到 {0} 人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="149" />
        <source>没有找到。可以按 Ctrl+N 新建人员。</source>
        <translation>没有找到。可以按 Ctrl+N 新建人员。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="153" />
        <source>正在查询……</source>
        <translation>正在查询……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="176" />
        <source>正在读卡，请稍候……</source>
        <translation>正在读卡，请稍候……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="194" />
        <source>卡上没有持卡人信息，请改用社保卡厂商读卡器或身份证读卡。</source>
        <translation>卡上没有持卡人信息，请改用社保卡厂商读卡器或身份证读卡。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="209" />
        <source>本地没有此人，已按卡上信息预填新建人员。</source>
        <translation>本地没有此人，已按卡上信息预填新建人员。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="219" />
        <source>已按卡找到人员。</source>
        <translation>已按卡找到人员。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="224" />
        <source>正在查找持卡人……</source>
        <translation>正在查找持卡人……</translation>
    </message>
</context>
<context>
    <name>PhoneEditor</name>
    <message>
        <location filename="../../ui/forms/text_editors.py" line="66" />
        <source>11位手机号码</source>
        <translation>11位手机号码</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../ui/pages/case_printing.py" line="93" />
        <source>正在准备打印……</source>
        <translation>正在准备打印……</translation>
    </message>
    <message>
        <location filename="../../ui/printing/render.py" line="77" />
        <source>无法保存 PDF：文件夹 {folder} 不存在，请另选保存位置。</source>
        <translation>无法保存 PDF：文件夹 {folder} 不存在，请另选保存位置。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/render.py" line="87" />
        <source>PDF 文件 {path} 没有写成，请检查磁盘空间和写入权限后重试。</source>
        <translation>PDF 文件 {path} 没有写成，请检查磁盘空间和写入权限后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/render.py" line="100" />
        <source>打印预览</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../../ui/printing/render.py" line="114" />
        <source>打印</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>Program</name>
    <message>
        <location filename="../../ui/app.py" line="240" />
        <source>电子社保卡二维码已核验。</source>
        <translation>电子社保卡二维码已核验。</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="333" />
        <source>正在打开表单……</source>
        <translation>正在打开表单……</translation>
    </message>
</context>
<context>
    <name>QuarantineScreen</name>
    <message>
        <location filename="../../ui/sync_screens.py" line="380" />
        <source>平台退回了下列修改。可以在相应页面改正记录（改正后会自动重新上传），或在这里重新发送、放弃本机的修改。</source>
        <translation>平台退回了下列修改。可以在相应页面改正记录（改正后会自动重新上传），或在这里重新发送、放弃本机的修改。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="388" />
        <source>记录类型</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="388" />
        <source>记录</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="388" />
        <source>退回原因</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="388" />
        <source>时间</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="396" />
        <source>重新发送</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="398" />
        <location filename="../../ui/sync_screens.py" line="436" />
        <source>放弃此修改</source>
        <translation>放弃此修改</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="437" />
        <source>放弃后，这条记录恢复为平台上的内容（平台没有的记录将在本机撤销）。确定放弃吗？</source>
        <translation>放弃后，这条记录恢复为平台上的内容（平台没有的记录将在本机撤销）。确定放弃吗？</translation>
    </message>
</context>
<context>
    <name>SearchCombo</name>
    <message>
        <location filename="../../ui/forms/search_combo.py" line="34" />
        <source>输入文字查找，或按 ↓ 选择</source>
        <translation>输入文字查找，或按 ↓ 选择</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="27" />
        <source>标准</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="28" />
        <source>大字</source>
        <translation>大字</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="29" />
        <source>特大字</source>
        <translation>特大字</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="32" />
        <source>模拟读卡（培训演示）</source>
        <translation>模拟读卡（培训演示）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="33" />
        <source>社保卡读卡器（厂商动态库）</source>
        <translation>社保卡读卡器（厂商动态库）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="34" />
        <source>PC/SC 通用读卡器</source>
        <translation>PC/SC 通用读卡器</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="35" />
        <source>二代身份证阅读器</source>
        <translation>二代身份证阅读器</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="54" />
        <source>设置</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="57" />
        <source>本站</source>
        <translation>本站</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="59" />
        <source>站点名称：</source>
        <translation>站点名称：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="60" />
        <source>区划代码：</source>
        <translation>区划代码：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="63" />
        <source>工作站</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="68" />
        <source> 分钟</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="86" />
        <source>无操作自动锁定：</source>
        <translation>无操作自动锁定：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="87" />
        <source>字号：</source>
        <translation>字号：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="88" />
        <source>省级平台地址：</source>
        <translation>省级平台地址：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="89" />
        <source>代理服务器：</source>
        <translation>代理服务器：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="90" />
        <source>CA 证书文件：</source>
        <translation>CA 证书文件：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="91" />
        <source>读卡器类型：</source>
        <translation>读卡器类型：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="92" />
        <source>读卡器动态库：</source>
        <translation>读卡器动态库：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="93" />
        <source>测试读卡器</source>
        <translation>测试读卡器</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="100" />
        <source>读卡结果：</source>
        <translation>读卡结果：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="105" />
        <source>保存设置</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="115" />
        <source>工作人员账号（仅站点管理员可管理）</source>
        <translation>工作人员账号（仅站点管理员可管理）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="120" />
        <source>添加账号</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="168" />
        <source>正在读卡……</source>
        <translation>正在读卡……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="214" />
        <source>设置已保存。</source>
        <translation>设置已保存。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="26" />
        <source>首次使用：站点设置</source>
        <translation>首次使用：站点设置</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="30" />
        <source>本机还没有服务台数据。请选择本站所在的乡镇（街道）或村（社区），并设置站点管理员账号。</source>
        <translation>本机还没有服务台数据。请选择本站所在的乡镇（街道）或村（社区），并设置站点管理员账号。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="36" />
        <source>输入乡镇、街道或村的名称查找，如“五里冲”</source>
        <translation>输入乡镇、街道或村的名称查找，如“五里冲”</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="57" />
        <source>区划代码：</source>
        <translation>区划代码：</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="58" />
        <source>站点名称：</source>
        <translation>站点名称：</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="59" />
        <source>管理员用户名：</source>
        <translation>管理员用户名：</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="60" />
        <source>管理员姓名：</source>
        <translation>管理员姓名：</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="61" />
        <source>密码：</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="62" />
        <source>再次输入密码：</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="69" />
        <source>完成设置</source>
        <translation>完成设置</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="70" />
        <source>退出</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="102" />
        <source>请先在列表中选择本站所在的乡镇（街道）或村（社区）。</source>
        <translation>请先在列表中选择本站所在的乡镇（街道）或村（社区）。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="104" />
        <source>请填写站点名称。</source>
        <translation>请填写站点名称。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="106" />
        <source>请填写管理员用户名和姓名。</source>
        <translation>请填写管理员用户名和姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="108" />
        <source>两次输入的密码不一致，请重新输入。</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../ui/shell.py" line="79" />
        <source>此栏目的服务（{0}）将在后续版本中提供；目前可在“人员”“办件”中办理相关事项。</source>
        <translation>此栏目的服务（{0}）将在后续版本中提供；目前可在“人员”“办件”中办理相关事项。</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="84" />
        <source>家庭与安置点</source>
        <translation>家庭与安置点</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="85" />
        <source>单位与岗位</source>
        <translation>单位与岗位</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="86" />
        <source>统计</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="88" />
        <source>工作台</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="89" />
        <source>人员</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="90" />
        <source>办件</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="95" />
        <source>零就业家庭、易地扶贫搬迁安置点与劳动力台账</source>
        <translation>零就业家庭、易地扶贫搬迁安置点与劳动力台账</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="101" />
        <source>用人单位、招聘岗位与人岗匹配</source>
        <translation>用人单位、招聘岗位与人岗匹配</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="103" />
        <source>本站与县级统计图表、Excel 报表</source>
        <translation>本站与县级统计图表、Excel 报表</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="104" />
        <source>设置</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../ui/app.py" line="41" />
        <source>基层就业服务台</source>
        <translation>基层就业服务台</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="43" />
        <source>基层就业服务台
正在打开本站数据……</source>
        <translation>基层就业服务台
正在打开本站数据……</translation>
    </message>
</context>
<context>
    <name>SyncIssuesDialog</name>
    <message>
        <location filename="../../ui/sync_screens.py" line="212" />
        <source>同步冲突与被退回的修改</source>
        <translation>同步冲突与被退回的修改</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="218" />
        <source>冲突</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="219" />
        <source>被退回的修改</source>
        <translation>被退回的修改</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="221" />
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SyncScreens</name>
    <message>
        <location filename="../../ui/sync_screens.py" line="42" />
        <source>名称/姓名</source>
        <translation>名称/姓名</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="43" />
        <source>性别</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="44" />
        <source>出生日期</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="45" />
        <source>民族</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="46" />
        <source>文化程度</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="47" />
        <source>户口性质</source>
        <translation>户口性质</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="48" />
        <location filename="../../ui/sync_screens.py" line="67" />
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="49" />
        <source>证件类型</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="50" />
        <location filename="../../ui/sync_screens.py" line="51" />
        <source>证件号码</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="52" />
        <source>户籍地址</source>
        <translation>户籍地址</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="53" />
        <source>居住地址</source>
        <translation>居住地址</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="54" />
        <source>地址</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="55" />
        <source>行政区划</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="56" />
        <source>就业状态</source>
        <translation>就业状态</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="57" />
        <source>备注</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="58" />
        <location filename="../../ui/sync_screens.py" line="65" />
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="59" />
        <source>表单内容</source>
        <translation>表单内容</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="60" />
        <source>办结期限</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="61" />
        <source>办结日期</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="62" />
        <source>办结原因</source>
        <translation>办结原因</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="63" />
        <source>岗位名称</source>
        <translation>岗位名称</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="64" />
        <source>招聘人数</source>
        <translation>招聘人数</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="66" />
        <source>联系人</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="68" />
        <source>结果</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="69" />
        <source>已删除</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="107" />
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="109" />
        <source>否</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/sync_screens.py" line="138" />
        <source>同步</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="140" />
        <source>立即与省级平台同步（F5）</source>
        <translation>立即与省级平台同步（F5）</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="142" />
        <location filename="../../ui/sync_screens.py" line="197" />
        <source>冲突与退回</source>
        <translation>冲突与退回</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="167" />
        <source>正在同步（已上传 {0}，已下载 {1}）</source>
        <translation>正在同步（已上传 {0}，已下载 {1}）</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="180" />
        <source>未接入平台</source>
        <translation>未接入平台</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="181" />
        <source>本机尚未接入省级平台，数据只保存在本机。</source>
        <translation>本机尚未接入省级平台，数据只保存在本机。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="185" />
        <source>同步失败：</source>
        <translation>同步失败：</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="187" />
        <source>已同步 </source>
        <translation>已同步 </translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="189" />
        <source>尚未同步</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="191" />
        <source>待上传 {0} 条</source>
        <translation>待上传 {0} 条</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="192" />
        <source>上次成功：</source>
        <translation>上次成功：</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="192" />
        <location filename="../../ui/sync_screens.py" line="193" />
        <source>无</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="193" />
        <source>上次错误：</source>
        <translation>上次错误：</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="197" />
        <source>冲突与退回（{0}）</source>
        <translation>冲突与退回（{0}）</translation>
    </message>
</context>
<context>
    <name>TextAreaEditor</name>
    <message>
        <location filename="../../ui/forms/text_editors.py" line="143" />
        <source>最多 {limit} 个字，现在有 {length} 个字，请精简。</source>
        <translation>最多 {limit} 个字，现在有 {length} 个字，请精简。</translation>
    </message>
</context>
<context>
    <name>self.start</name>
    <message>
        <location filename="../../ui/app.py" line="174" />
        <source>无法打开本站数据</source>
        <translation>无法打开本站数据</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="211" />
        <source>基层就业服务台
</source>
        <translation>基层就业服务台
</translation>
    </message>
</context>
</TS>