<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddMemberDialog</name>
    <message>
        <location filename="../../ui/pages/household_members.py" line="146" />
        <source>添加家庭成员</source>
        <translation>添加家庭成员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="150" />
        <source>户主</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="150" />
        <source>（无）</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="153" />
        <source>输入证件号码、姓名、拼音或手机尾号查找已登记的人员</source>
        <translation>输入证件号码、姓名、拼音或手机尾号查找已登记的人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="155" />
        <source>查找人员</source>
        <translation>查找人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="160" />
        <location filename="../../ui/pages/household_members.py" line="216" />
        <source>尚未登记的人员，请先在“人员”页面点“新建”登记，再回来添加。</source>
        <translation>尚未登记的人员，请先在“人员”页面点“新建”登记，再回来添加。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="166" />
        <source>与户主关系</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="168" />
        <source>本户已有户主。如要更换户主，添加后用“修改关系”设置。</source>
        <translation>本户已有户主。如要更换户主，添加后用“修改关系”设置。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="204" />
        <source>（已是本户成员）</source>
        <translation>（已是本户成员）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="205" />
        <source>（已是另一户成员，须先从原家庭移出）</source>
        <translation>（已是另一户成员，须先从原家庭移出）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="212" />
        <source>找到 {0} 人，请选择要加入本户的人员。</source>
        <translation>找到 {0} 人，请选择要加入本户的人员。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="214" />
        <source>没有找到此人：本站尚未登记。请先在“人员”页面点“新建”登记此人，再回来添加。</source>
        <translation>没有找到此人：本站尚未登记。请先在“人员”页面点“新建”登记此人，再回来添加。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="223" />
        <source>正在查询……</source>
        <translation>正在查询……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="229" />
        <source>请先查找并选择要加入本户的人员。尚未登记的人员请先在“人员”页面新建。</source>
        <translation>请先查找并选择要加入本户的人员。尚未登记的人员请先在“人员”页面新建。</translation>
    </message>
</context>
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="33" />
        <source>窗口经办</source>
        <translation>窗口经办</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="34" />
        <source>审核</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="35" />
        <source>站点管理员</source>
        <translation>站点管理员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="235" />
        <source>添加工作人员账号</source>
        <translation>添加工作人员账号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="242" />
        <source>用户名：</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="243" />
        <source>姓名：</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="244" />
        <source>角色：</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="245" />
        <source>初始密码：</source>
        <translation>初始密码：</translation>
    </message>
</context>
<context>
    <name>AppointmentsDialog</name>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="128" />
        <source>今日预约</source>
        <translation>今日预约</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="130" />
        <source>已到场</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="130" />
        <source>已办理</source>
        <translation>已办理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="130" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="154" />
        <source>★绿色通道  </source>
        <translation>★绿色通道  </translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="167" />
        <source>（今天没有预约；网上预约在同步后显示在这里）</source>
        <translation>（今天没有预约；网上预约在同步后显示在这里）</translation>
    </message>
</context>
<context>
    <name>AssistanceListDialog</name>
    <message>
        <location filename="../../ui/pages/assistance_lists.py" line="90" />
        <source>双击或回车打开该人员的就业援助信息。</source>
        <translation>双击或回车打开该人员的就业援助信息。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_lists.py" line="100" />
        <source>（无）</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_lists.py" line="105" />
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_lists.py" line="117" />
        <source>就业失业登记与就业援助</source>
        <translation>就业失业登记与就业援助</translation>
    </message>
</context>
<context>
    <name>AssistanceListsBar</name>
    <message>
        <location filename="../../ui/pages/assistance_lists.py" line="27" />
        <source>认定即将到期</source>
        <translation>认定即将到期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_lists.py" line="28" />
        <source>援助计划进行中</source>
        <translation>援助计划进行中</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_lists.py" line="48" />
        <source>就业援助：</source>
        <translation>就业援助：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_lists.py" line="67" />
        <source>正在读取就业援助名单……</source>
        <translation>正在读取就业援助名单……</translation>
    </message>
</context>
<context>
    <name>AssistancePanel</name>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="32" />
        <source>就业失业登记与就业援助</source>
        <translation>就业失业登记与就业援助</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="42" />
        <source>首次联系与按月跟踪</source>
        <translation>首次联系与按月跟踪</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="43" />
        <source>援助计划步骤</source>
        <translation>援助计划步骤</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="44" />
        <source>公益性岗位</source>
        <translation>公益性岗位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="49" />
        <source>记录回访</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="50" />
        <source>打印受理回执</source>
        <translation>打印受理回执</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="51" />
        <source>打印承诺书</source>
        <translation>打印承诺书</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="52" />
        <source>就业登记核验走访</source>
        <translation>就业登记核验走访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="53" />
        <location filename="../../ui/pages/profile_assistance.py" line="169" />
        <source>认定就业困难人员</source>
        <translation>认定就业困难人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="54" />
        <source>添加援助步骤</source>
        <translation>添加援助步骤</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="55" />
        <source>登记步骤进展</source>
        <translation>登记步骤进展</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="56" />
        <source>公益性岗位安置</source>
        <translation>公益性岗位安置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="112" />
        <source>正在读取就业援助信息……</source>
        <translation>正在读取就业援助信息……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="128" />
        <source>已完成 {0}</source>
        <translation>已完成 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="130" />
        <source>已超期</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="132" />
        <source>待办</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="150" />
        <source>在岗</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="150" />
        <source>已退出 {0}</source>
        <translation>已退出 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="156" />
        <source>补贴期限累计最长 {0} 个月（已用 {1} 个月）；安置次数上限 {2} 次。</source>
        <translation>补贴期限累计最长 {0} 个月（已用 {1} 个月）；安置次数上限 {2} 次。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="169" />
        <source>申请认定（送审核）</source>
        <translation>申请认定（送审核）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="176" />
        <source>就业状态：{0}</source>
        <translation>就业状态：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="179" />
        <source>；尚未办理失业登记。</source>
        <translation>；尚未办理失业登记。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="180" />
        <source>。失业登记 {0}：{1}</source>
        <translation>。失业登记 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="182" />
        <source>（书面承诺）</source>
        <translation>（书面承诺）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="186" />
        <source>，承诺件办理期限 {0}（还剩 {1} 个工作日）</source>
        <translation>，承诺件办理期限 {0}（还剩 {1} 个工作日）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="188" />
        <source>，承诺件办理期限 {0}（已超期 {1} 个工作日）</source>
        <translation>，承诺件办理期限 {0}（已超期 {1} 个工作日）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="194" />
        <source>（{0}）</source>
        <translation>（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="196" />
        <source>，原因：{0}</source>
        <translation>，原因：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="198" />
        <source>。失业原因：{0}</source>
        <translation>。失业原因：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="200" />
        <source>；原因分析：{0}</source>
        <translation>；原因分析：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="202" />
        <source>。{0}</source>
        <translation>。{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="209" />
        <source>就业登记 {0}：{1}，就业日期 {2}</source>
        <translation>就业登记 {0}：{1}，就业日期 {2}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="212" />
        <source>（本人书面承诺）</source>
        <translation>（本人书面承诺）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="214" />
        <source>；核验走访：{0}</source>
        <translation>；核验走访：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="220" />
        <source>就业困难人员：未认定。</source>
        <translation>就业困难人员：未认定。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="221" />
        <source>就业困难人员：{0}；{1}认定，有效期至 {2}</source>
        <translation>就业困难人员：{0}；{1}认定，有效期至 {2}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="224" />
        <source>（已失效）</source>
        <translation>（已失效）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="227" />
        <source>；工作人员调查：{0}，{1}，{2}</source>
        <translation>；工作人员调查：{0}，{1}，{2}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="233" />
        <source>；部门信息核查：{0}</source>
        <translation>；部门信息核查：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="237" />
        <source>。援助计划进行中（{0} 建立）</source>
        <translation>。援助计划进行中（{0} 建立）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="239" />
        <source>。援助计划已关闭（{0}，{1}）</source>
        <translation>。援助计划已关闭（{0}，{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="310" />
        <source>公益性岗位补贴期限累计最长 {0} 个月（该人员已享受 {1} 个月），安置次数上限 {2} 次；</source>
        <translation>公益性岗位补贴期限累计最长 {0} 个月（该人员已享受 {1} 个月），安置次数上限 {2} 次；</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_assistance.py" line="311" />
        <source>距法定退休年龄不足 {3} 年的可延长至退休。限额来自“公益性岗位安置”事项定义（待本省确认）。</source>
        <translation>距法定退休年龄不足 {3} 年的可延长至退休。限额来自“公益性岗位安置”事项定义（待本省确认）。</translation>
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
    <name>CampaignsDialog</name>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="321" />
        <source>专项活动</source>
        <translation>专项活动</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="329" />
        <source>开始日期 至 结束日期，如 2026-09-01 至 2026-09-30</source>
        <translation>开始日期 至 结束日期，如 2026-09-01 至 2026-09-30</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="330" />
        <source>活动代码</source>
        <translation>活动代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="331" />
        <source>活动名称</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="332" />
        <source>活动时段</source>
        <translation>活动时段</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="334" />
        <source>保存本站专项活动</source>
        <translation>保存本站专项活动</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="355" />
        <source>内置</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="355" />
        <source>平台发布</source>
        <translation>平台发布</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="355" />
        <source>本站</source>
        <translation>本站</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="358" />
        <source>【进行中】</source>
        <translation>【进行中】</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="370" />
        <source>活动时段：请按“2026-09-01 至 2026-09-30”的格式填写。</source>
        <translation>活动时段：请按“2026-09-01 至 2026-09-30”的格式填写。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="380" />
        <source>已保存。</source>
        <translation>已保存。</translation>
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
        <location filename="../../ui/pages/card_differences.py" line="21" />
        <source>请核对证件原件后选择以哪一方为准。选“以卡上信息为准”会把系统中的姓名改为卡上的姓名，并记入审计日志。</source>
        <translation>请核对证件原件后选择以哪一方为准。选“以卡上信息为准”会把系统中的姓名改为卡上的姓名，并记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/card_differences.py" line="29" />
        <source>项目</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/card_differences.py" line="29" />
        <source>卡上</source>
        <translation>卡上</translation>
    </message>
    <message>
        <location filename="../../ui/pages/card_differences.py" line="29" />
        <source>系统中</source>
        <translation>系统中</translation>
    </message>
    <message>
        <location filename="../../ui/pages/card_differences.py" line="36" />
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/card_differences.py" line="37" />
        <source>社会保障号码</source>
        <translation>社会保障号码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/card_differences.py" line="50" />
        <source>以卡上信息为准</source>
        <translation>以卡上信息为准</translation>
    </message>
    <message>
        <location filename="../../ui/pages/card_differences.py" line="51" />
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
        <location filename="../../ui/pages/case_detail.py" line="34" />
        <source>不予受理</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="37" />
        <source>已同步</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="38" />
        <source>待同步</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="39" />
        <source>冲突，请在状态栏“冲突与退回”中处理</source>
        <translation>冲突，请在状态栏“冲突与退回”中处理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="40" />
        <source>被平台退回，请在状态栏“冲突与退回”中处理</source>
        <translation>被平台退回，请在状态栏“冲突与退回”中处理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="82" />
        <source>在左侧选择一件办件。</source>
        <translation>在左侧选择一件办件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="102" />
        <source>打印受理回执</source>
        <translation>打印受理回执</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="103" />
        <source>打印承诺书</source>
        <translation>打印承诺书</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="104" />
        <source>打印登记表</source>
        <translation>打印登记表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="113" />
        <source>打印受理回执（Ctrl+P）</source>
        <translation>打印受理回执（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="115" />
        <source>办理过程</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="139" />
        <source>正在打开办件……</source>
        <translation>正在打开办件……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="150" />
        <source>（书面承诺）</source>
        <translation>（书面承诺）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="154" />
        <source>同步：</source>
        <translation>同步：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="157" />
        <source>草稿，尚未受理</source>
        <translation>草稿，尚未受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="159" />
        <source>网上申请，待窗口受理；受理后开始计算办理时限</source>
        <translation>网上申请，待窗口受理；受理后开始计算办理时限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="161" />
        <source>即时办结，无办理期限</source>
        <translation>即时办结，无办理期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="164" />
        <source>已超期 {0} 个工作日（期限 {1}）</source>
        <translation>已超期 {0} 个工作日（期限 {1}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="166" />
        <source>还剩 {0} 个工作日（期限 {1}）</source>
        <translation>还剩 {0} 个工作日（期限 {1}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="169" />
        <source>期限 {0}</source>
        <translation>期限 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="177" />
        <source>继续填写</source>
        <translation>继续填写</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="182" />
        <location filename="../../ui/pages/case_detail.py" line="270" />
        <source>联网补查</source>
        <translation>联网补查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="184" />
        <source>受理时无法联网核查：现在到省平台补查此人在全省的登记情况</source>
        <translation>受理时无法联网核查：现在到省平台补查此人在全省的登记情况</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="189" />
        <source>审核并受理</source>
        <translation>审核并受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="224" />
        <source>电子社保卡二维码：待核验（扫码时无法联网），请以证件原件核对身份。</source>
        <translation>电子社保卡二维码：待核验（扫码时无法联网），请以证件原件核对身份。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="225" />
        <source>电子社保卡二维码：核验通过。</source>
        <translation>电子社保卡二维码：核验通过。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="226" />
        <source>电子社保卡二维码：核验未通过，请以证件原件核对身份。</source>
        <translation>电子社保卡二维码：核验未通过，请以证件原件核对身份。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="230" />
        <source>（二维码持有人与服务对象不一致）</source>
        <translation>（二维码持有人与服务对象不一致）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="262" />
        <source>正在记录联网核查……</source>
        <translation>正在记录联网核查……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="271" />
        <source>联网补查未完成：</source>
        <translation>联网补查未完成：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="278" />
        <source>正在联网核查……</source>
        <translation>正在联网核查……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_detail.py" line="314" />
        <source>正在办理……</source>
        <translation>正在办理……</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="108" />
        <source>登录省平台并核查</source>
        <translation>登录省平台并核查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="124" />
        <source>以书面承诺方式受理</source>
        <translation>以书面承诺方式受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="130" />
        <source>承诺件办理时限：{0} 个工作日</source>
        <translation>承诺件办理时限：{0} 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="133" />
        <source>保存草稿（Ctrl+S）</source>
        <translation>保存草稿（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="135" />
        <source>受理（Ctrl+Enter）</source>
        <translation>受理（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="137" />
        <source>关闭（Esc）</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="176" />
        <source>联网核查：正在查询此人在全省的登记情况……</source>
        <translation>联网核查：正在查询此人在全省的登记情况……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="192" />
        <source>未登录省级平台</source>
        <translation>未登录省级平台</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="196" />
        <source>无法联网核查（离线），可先受理，联网后补查。</source>
        <translation>无法联网核查（离线），可先受理，联网后补查。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="198" />
        <source>
联网核查需要用本人账号登录省级平台。</source>
        <translation>
联网核查需要用本人账号登录省级平台。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="201" />
        <source>正在联网核查……</source>
        <translation>正在联网核查……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="220" />
        <source>联网核查：此人在全省其他站点已有同类登记，请核实后再受理，避免重复登记。</source>
        <translation>联网核查：此人在全省其他站点已有同类登记，请核实后再受理，避免重复登记。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="222" />
        <source>联网核查：全省未发现此人其他站点的同类登记。</source>
        <translation>联网核查：全省未发现此人其他站点的同类登记。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="272" />
        <source>附件未能保存：</source>
        <translation>附件未能保存：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="274" />
        <source>正在保存附件……</source>
        <translation>正在保存附件……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="275" />
        <source>附件已保存。</source>
        <translation>附件已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="281" />
        <source>本机没有配置读卡器，请在“设置”中选择读卡器类型。</source>
        <translation>本机没有配置读卡器，请在“设置”中选择读卡器类型。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="284" />
        <source>正在读卡……</source>
        <translation>正在读卡……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="298" />
        <source>卡上没有持卡人信息，请改用厂商读卡器或身份证读卡。</source>
        <translation>卡上没有持卡人信息，请改用厂商读卡器或身份证读卡。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="305" />
        <source>已读卡并填入证件号码。</source>
        <translation>已读卡并填入证件号码。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="307" />
        <source>（模拟读卡：培训演示用的虚构卡片）</source>
        <translation>（模拟读卡：培训演示用的虚构卡片）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="348" />
        <source>电子社保卡二维码无法联网核验，已在本件记为“待核验”，请核对证件原件。</source>
        <translation>电子社保卡二维码无法联网核验，已在本件记为“待核验”，请核对证件原件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="349" />
        <source>电子社保卡二维码核验通过，已记在本件上。</source>
        <translation>电子社保卡二维码核验通过，已记在本件上。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="350" />
        <source>电子社保卡二维码核验未通过：{0}</source>
        <translation>电子社保卡二维码核验未通过：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="356" />
        <source>持有人不一致</source>
        <translation>持有人不一致</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="357" />
        <source>扫描的电子社保卡不是本件服务对象本人的。请核对服务对象身份后再继续办理。</source>
        <translation>扫描的电子社保卡不是本件服务对象本人的。请核对服务对象身份后再继续办理。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="364" />
        <source>正在记录二维码……</source>
        <translation>正在记录二维码……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="368" />
        <source>有未保存的修改……</source>
        <translation>有未保存的修改……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="414" />
        <source>草稿已保存 {0}</source>
        <translation>草稿已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="429" />
        <source>草稿未能保存：</source>
        <translation>草稿未能保存：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="431" />
        <source>扫描的电子社保卡二维码会在草稿保存后记入本件。</source>
        <translation>扫描的电子社保卡二维码会在草稿保存后记入本件。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="434" />
        <source>正在保存草稿……</source>
        <translation>正在保存草稿……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="449" />
        <source>材料不齐</source>
        <translation>材料不齐</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="450" />
        <source>以下材料尚未勾选：{0}。仍然受理吗？</source>
        <translation>以下材料尚未勾选：{0}。仍然受理吗？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="482" />
        <source>正在受理……</source>
        <translation>正在受理……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="485" />
        <source>办理期限：{0}</source>
        <translation>办理期限：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="485" />
        <source>即时办结</source>
        <translation>即时办结</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="486" />
        <source>已受理，办件编号 {0}。</source>
        <translation>已受理，办件编号 {0}。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="470" />
        <source>政策推介（政策清单）</source>
        <translation>政策推介（政策清单）</translation>
    </message>
</context>
<context>
    <name>CaseExtras</name>
    <message>
        <location filename="../../ui/pages/case_extras.py" line="48" />
        <source>（不属于专项活动）</source>
        <translation>（不属于专项活动）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_extras.py" line="49" />
        <source>专项活动</source>
        <translation>专项活动</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_extras.py" line="51" />
        <source>代理办理（亲属或村（社区）干部代为申请）</source>
        <translation>代理办理（亲属或村（社区）干部代为申请）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_extras.py" line="75" />
        <source>代理人姓名</source>
        <translation>代理人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_extras.py" line="76" />
        <source>证件类型</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_extras.py" line="77" />
        <source>证件号码</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_extras.py" line="78" />
        <source>与申请人关系</source>
        <translation>与申请人关系</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_extras.py" line="79" />
        <source>授权方式</source>
        <translation>授权方式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_extras.py" line="80" />
        <source>代理人电话</source>
        <translation>代理人电话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_extras.py" line="114" />
        <source>（进行中）</source>
        <translation>（进行中）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_extras.py" line="124" />
        <source>（已登记，重填则更新）</source>
        <translation>（已登记，重填则更新）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_extras.py" line="136" />
        <source>代理人证件号码：</source>
        <translation>代理人证件号码：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/case_extras.py" line="164" />
        <source>受理后的登记未完成</source>
        <translation>受理后的登记未完成</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../ui/pages/cases.py" line="61" />
        <source>办件</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="68" />
        <source>全部状态</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="71" />
        <source>全部事项</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="75" />
        <source>不限期限</source>
        <translation>不限期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="75" />
        <source>已超期</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="75" />
        <source>2 个工作日内到期</source>
        <translation>2 个工作日内到期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="77" />
        <source>全部经办人</source>
        <translation>全部经办人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="77" />
        <source>我经办的</source>
        <translation>我经办的</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="80" />
        <source>按登记时间</source>
        <translation>按登记时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="80" />
        <source>绿色通道优先</source>
        <translation>绿色通道优先</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="80" />
        <source>仅绿色通道</source>
        <translation>仅绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="82" />
        <source>绿色通道：重点群体优先办理。点表头“优先”也可切换为绿色通道优先。</source>
        <translation>绿色通道：重点群体优先办理。点表头“优先”也可切换为绿色通道优先。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="93" />
        <source>优先</source>
        <translation>优先</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="94" />
        <source>办件编号</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="95" />
        <source>事项</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="96" />
        <source>办理人</source>
        <translation>办理人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="97" />
        <source>证件号码</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="98" />
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="99" />
        <source>受理日期</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="100" />
        <source>办理期限</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="101" />
        <source>同步</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="27" />
        <source>已同步</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="28" />
        <source>待同步</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="29" />
        <source>冲突</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="30" />
        <source>被退回</source>
        <translation>被退回</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="34" />
        <source>★绿色通道</source>
        <translation>★绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="187" />
        <source>共 {0} 件</source>
        <translation>共 {0} 件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases.py" line="189" />
        <source>正在读取办件……</source>
        <translation>正在读取办件……</translation>
    </message>
</context>
<context>
    <name>CatalogFormDialog</name>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="71" />
        <source>全职或兼职：</source>
        <translation>全职或兼职：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="76" />
        <source>保存（Ctrl+Enter）</source>
        <translation>保存（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="78" />
        <source>关闭（Esc）</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="113" />
        <source>正在保存……</source>
        <translation>正在保存……</translation>
    </message>
</context>
<context>
    <name>CensusDialog</name>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="81" />
        <source>劳动力就业情况核实</source>
        <translation>劳动力就业情况核实</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="85" />
        <source>劳动力</source>
        <translation>劳动力</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="90" />
        <source>核实日期</source>
        <translation>核实日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="91" />
        <source>已就业</source>
        <translation>已就业</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="96" />
        <source>县内</source>
        <translation>县内</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="96" />
        <source>省内县外</source>
        <translation>省内县外</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="97" />
        <source>省外</source>
        <translation>省外</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="99" />
        <source>就业去向</source>
        <translation>就业去向</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="102" />
        <source>就业地行政区划代码（6/9/12位，可不填）</source>
        <translation>就业地行政区划代码（6/9/12位，可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="103" />
        <source>就业地区划</source>
        <translation>就业地区划</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="108" />
        <source>就业形式</source>
        <translation>就业形式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="111" />
        <source>就业单位</source>
        <translation>就业单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="114" />
        <source>岗位</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="115" />
        <source>帮扶车间</source>
        <translation>帮扶车间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="117" />
        <source>公益性岗位</source>
        <translation>公益性岗位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="125" />
        <source> 元/月</source>
        <translation> 元/月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="126" />
        <source>月收入</source>
        <translation>月收入</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="129" />
        <source>如：照顾家庭、在校、务农、患病</source>
        <translation>如：照顾家庭、在校、务农、患病</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="130" />
        <source>未就业原因</source>
        <translation>未就业原因</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="133" />
        <source>核实人</source>
        <translation>核实人</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../ui/charts.py" line="53" />
        <source>暂无数据</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="198" />
        <source>{0}  {1}：{2} {3}（点击查看明细）</source>
        <translation>{0}  {1}：{2} {3}（点击查看明细）</translation>
    </message>
</context>
<context>
    <name>ClearDialog</name>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="191" />
        <source>零就业家庭清零</source>
        <translation>零就业家庭清零</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="195" />
        <source>户主</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="200" />
        <source>已就业</source>
        <translation>已就业</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="200" />
        <source>未就业</source>
        <translation>未就业</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="203" />
        <source>（家庭已无劳动力）</source>
        <translation>（家庭已无劳动力）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="204" />
        <source>实现就业的成员</source>
        <translation>实现就业的成员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="209" />
        <source>就业途径</source>
        <translation>就业途径</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="214" />
        <source>清零日期</source>
        <translation>清零日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="217" />
        <source>备注</source>
        <translation>备注</translation>
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
    <name>CodeEntryDialog</name>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="395" />
        <source>字母或数字，如 3001</source>
        <translation>字母或数字，如 3001</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="400" />
        <source>（无上级，作为一级分类）</source>
        <translation>（无上级，作为一级分类）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="408" />
        <source>代码：</source>
        <translation>代码：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="409" />
        <source>名称：</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="410" />
        <source>上级：</source>
        <translation>上级：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="413" />
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="414" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CodeTablesDialog</name>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="39" />
        <source>随程序附带</source>
        <translation>随程序附带</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="40" />
        <source>本机修改</source>
        <translation>本机修改</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="41" />
        <source>本机新增</source>
        <translation>本机新增</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="42" />
        <source>平台下发</source>
        <translation>平台下发</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="66" />
        <source>只有站点管理员可以维护代码表。当前账号（{0}）可以查看办件中的代码，但不能修改代码表。</source>
        <translation>只有站点管理员可以维护代码表。当前账号（{0}）可以查看办件中的代码，但不能修改代码表。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="81" />
        <source>代码表维护</source>
        <translation>代码表维护</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="90" />
        <source>本站可以维护的代码表：</source>
        <translation>本站可以维护的代码表：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="95" />
        <source>民族、学历、行业等国家标准代码表不能在本机修改，这里不列出。</source>
        <translation>民族、学历、行业等国家标准代码表不能在本机修改，这里不列出。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="108" />
        <source>代码</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="108" />
        <source>名称</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="108" />
        <source>来源</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="108" />
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="120" />
        <location filename="../../ui/pages/code_tables.py" line="297" />
        <source>新增代码</source>
        <translation>新增代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="122" />
        <location filename="../../ui/pages/code_tables.py" line="305" />
        <source>改名</source>
        <translation>改名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="124" />
        <location filename="../../ui/pages/code_tables.py" line="255" />
        <location filename="../../ui/pages/code_tables.py" line="366" />
        <source>停用</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="126" />
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="183" />
        <source>（此代码表没有说明）</source>
        <translation>（此代码表没有说明）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="204" />
        <source>使用中</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="204" />
        <source>已停用</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="255" />
        <source>重新启用</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="298" />
        <source>已新增代码 {0}。</source>
        <translation>已新增代码 {0}。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="312" />
        <source>已将代码 {0} 改名。</source>
        <translation>已将代码 {0} 改名。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="325" />
        <source>代码“{0}”已经有了（{1}），请换一个代码；要改名请在列表中选中它再点“改名”。</source>
        <translation>代码“{0}”已经有了（{1}），请换一个代码；要改名请在列表中选中它再点“改名”。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="327" />
        <source>代码“{0}”已经有了（{1}，已停用），请换一个代码，或在列表中选中它再点“重新启用”。</source>
        <translation>代码“{0}”已经有了（{1}，已停用），请换一个代码，或在列表中选中它再点“重新启用”。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="349" />
        <source>已重新启用代码 {0}。</source>
        <translation>已重新启用代码 {0}。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="353" />
        <source>停用代码“{0} {1}”后，新登记和新办件中不能再选它。
已经使用这个代码的办件和登记保留原代码，不受影响；以后可以重新启用。

确定停用吗？</source>
        <translation>停用代码“{0} {1}”后，新登记和新办件中不能再选它。
已经使用这个代码的办件和登记保留原代码，不受影响；以后可以重新启用。

确定停用吗？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="358" />
        <source>停用代码</source>
        <translation>停用代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="367" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/pages/code_tables.py" line="368" />
        <source>已停用代码 {0}。</source>
        <translation>已停用代码 {0}。</translation>
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
    <name>CompleteTrainingDialog</name>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="169" />
        <source>登记培训结业</source>
        <translation>登记培训结业</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="180" />
        <source>考核合格的填写证书编号</source>
        <translation>考核合格的填写证书编号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="181" />
        <source>培训结果</source>
        <translation>培训结果</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="182" />
        <source>结业日期</source>
        <translation>结业日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="183" />
        <source>证书编号</source>
        <translation>证书编号</translation>
    </message>
</context>
<context>
    <name>ConflictScreen</name>
    <message>
        <location filename="../../ui/sync_screens.py" line="275" />
        <location filename="../../ui/sync_screens.py" line="330" />
        <source>没有待处理的冲突。</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="281" />
        <source>字段</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="281" />
        <source>本机的值</source>
        <translation>本机的值</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="281" />
        <source>平台的值</source>
        <translation>平台的值</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="281" />
        <source>采用</source>
        <translation>采用</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="287" />
        <source>全部保留本机</source>
        <translation>全部保留本机</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="289" />
        <source>全部采用平台</source>
        <translation>全部采用平台</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="291" />
        <source>按所选处理冲突</source>
        <translation>按所选处理冲突</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="333" />
        <source>本机和平台都修改了这条“{0}”记录。请逐项选择保留哪一方，标 * 的字段必须选择。</source>
        <translation>本机和平台都修改了这条“{0}”记录。请逐项选择保留哪一方，标 * 的字段必须选择。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="335" />
        <source>平台已删除此记录。</source>
        <translation>平台已删除此记录。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="347" />
        <source>请选择</source>
        <translation>请选择</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="348" />
        <source>保留本机</source>
        <translation>保留本机</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="349" />
        <source>采用平台</source>
        <translation>采用平台</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="390" />
        <source>冲突</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="390" />
        <source>还有标 * 的字段没有选择保留哪一方，请逐项选择。</source>
        <translation>还有标 * 的字段没有选择保留哪一方，请逐项选择。</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../ui/crash.py" line="42" />
        <source>很抱歉，程序出现了意外错误。

已经保存的数据不受影响；刚才正在填写、尚未保存的内容可能需要重新填写。

错误经过已记录在日志文件中（不含个人信息）：
{path}

建议保存手头工作后重新启动程序。如果再次出现，请把这个日志文件，或运行“fuwutai doctor --bundle 诊断包.zip”生成的诊断包，交给县级信息技术人员。</source>
        <translation>很抱歉，程序出现了意外错误。

已经保存的数据不受影响；刚才正在填写、尚未保存的内容可能需要重新填写。

错误经过已记录在日志文件中（不含个人信息）：
{path}

建议保存手头工作后重新启动程序。如果再次出现，请把这个日志文件，或运行“fuwutai doctor --bundle 诊断包.zip”生成的诊断包，交给县级信息技术人员。</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="113" />
        <source>程序出错</source>
        <translation>程序出错</translation>
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
        <location filename="../../ui/pages/dashboard.py" line="26" />
        <source>网上申请（待受理）</source>
        <translation>网上申请（待受理）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="33" />
        <source>工作台</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="82" />
        <source>正在刷新工作台……</source>
        <translation>正在刷新工作台……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="98" />
        <source>超期 {0} 个工作日</source>
        <translation>超期 {0} 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="100" />
        <source>剩 {0} 个工作日</source>
        <translation>剩 {0} 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="106" />
        <source>（无）</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="112" />
        <source>同步：本机尚未接入省级平台，所有修改都保存在本机（待同步 {0} 条）。</source>
        <translation>同步：本机尚未接入省级平台，所有修改都保存在本机（待同步 {0} 条）。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="114" />
        <source>同步：上次同步未完成（{1}），待同步 {0} 条，联网后会自动重试。</source>
        <translation>同步：上次同步未完成（{1}），待同步 {0} 条，联网后会自动重试。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="118" />
        <source>同步：待同步 {0} 条，上次成功 {1}。</source>
        <translation>同步：待同步 {0} 条，上次成功 {1}。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="118" />
        <source>尚无</source>
        <translation>尚无</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="122" />
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
    <name>DrillDialog</name>
    <message>
        <location filename="../../ui/pages/stats.py" line="41" />
        <source>共 {0} 条记录，双击或按回车打开。</source>
        <translation>共 {0} 条记录，双击或按回车打开。</translation>
    </message>
</context>
<context>
    <name>EmployerDetailPanel</name>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="101" />
        <source>在左侧选择单位，或按 Ctrl+N 登记新单位。</source>
        <translation>在左侧选择单位，或按 Ctrl+N 登记新单位。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="112" />
        <source>修改单位信息</source>
        <translation>修改单位信息</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="114" />
        <source>新增招聘岗位</source>
        <translation>新增招聘岗位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="120" />
        <source>单位信息</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="125" />
        <source>招聘岗位</source>
        <translation>招聘岗位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="137" />
        <source>修改岗位</source>
        <translation>修改岗位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="139" />
        <source>停招</source>
        <translation>停招</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="141" />
        <source>已招满</source>
        <translation>已招满</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="148" />
        <source>核实记录</source>
        <translation>核实记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="183" />
        <source>正在打开单位……</source>
        <translation>正在打开单位……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="190" />
        <source>（待同步）</source>
        <translation>（待同步）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="192" />
        <source>书面承诺受理：负责人书面承诺＋工作人员必要调查，招聘信息中已标明</source>
        <translation>书面承诺受理：负责人书面承诺＋工作人员必要调查，招聘信息中已标明</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="201" />
        <source>统一社会信用代码</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="201" />
        <source>（尚未取得）</source>
        <translation>（尚未取得）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="202" />
        <source>单位类型</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="203" />
        <source>所属行业</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="204" />
        <source>重点产业</source>
        <translation>重点产业</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="205" />
        <source>所在地</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="206" />
        <source>地址</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="207" />
        <source>联系人</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="208" />
        <source>核实日期</source>
        <translation>核实日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="208" />
        <source>未核实</source>
        <translation>未核实</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="239" />
        <source>岗位 </source>
        <translation>岗位 </translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_detail.py" line="239" />
        <source>单位登记</source>
        <translation>单位登记</translation>
    </message>
</context>
<context>
    <name>EmployerPicker</name>
    <message>
        <location filename="../../ui/pages/employer_picker.py" line="44" />
        <source>输入单位名称或统一社会信用代码，查找已登记的用人单位</source>
        <translation>输入单位名称或统一社会信用代码，查找已登记的用人单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_picker.py" line="47" />
        <source>清除</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_picker.py" line="58" />
        <location filename="../../ui/pages/employer_picker.py" line="138" />
        <source>未选择已登记单位：可在下面填写未登记企业的名称。</source>
        <translation>未选择已登记单位：可在下面填写未登记企业的名称。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_picker.py" line="97" />
        <source>没有找到已登记的单位：请换个关键字，或在下面按未登记企业填写。</source>
        <translation>没有找到已登记的单位：请换个关键字，或在下面按未登记企业填写。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_picker.py" line="126" />
        <source>已选已登记单位：{0}（{1}）</source>
        <translation>已选已登记单位：{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>EmployersPage</name>
    <message>
        <location filename="../../ui/pages/employers.py" line="43" />
        <source>单位与岗位</source>
        <translation>单位与岗位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="48" />
        <source>输入单位名称或统一社会信用代码查找（Ctrl+F）</source>
        <translation>输入单位名称或统一社会信用代码查找（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="51" />
        <source>登记单位（Ctrl+N）</source>
        <translation>登记单位（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="77" />
        <source>用人单位</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="86" />
        <source>全部待核实</source>
        <translation>全部待核实</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="87" />
        <source>未到期</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="88" />
        <source>已逾期</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="95" />
        <source>核实（调查、结论）</source>
        <translation>核实（调查、结论）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="97" />
        <source>打开办件</source>
        <translation>打开办件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="104" />
        <source>用人单位登记和每个招聘岗位须在受理后 3 个工作日内完成证照、负责人身份、招聘信息的核实；书面承诺受理的须先记录工作人员调查情况。</source>
        <translation>用人单位登记和每个招聘岗位须在受理后 3 个工作日内完成证照、负责人身份、招聘信息的核实；书面承诺受理的须先记录工作人员调查情况。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="116" />
        <location filename="../../ui/pages/employers.py" line="333" />
        <source>核实（3个工作日）</source>
        <translation>核实（3个工作日）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="128" />
        <source>市场工资指导价位</source>
        <translation>市场工资指导价位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="129" />
        <source>劳动合同示范文本</source>
        <translation>劳动合同示范文本</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="134" />
        <source>工资指导价位与合同范本</source>
        <translation>工资指导价位与合同范本</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="139" />
        <source>推荐岗位后按期回访求职结果。双击打开人员，在“求职与岗位匹配”中记录回访。</source>
        <translation>推荐岗位后按期回访求职结果。双击打开人员，在“求职与岗位匹配”中记录回访。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="148" />
        <location filename="../../ui/pages/employers.py" line="230" />
        <source>推荐回访</source>
        <translation>推荐回访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="193" />
        <source>平台下发</source>
        <translation>平台下发</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="193" />
        <source>随程序附带，待平台同步</source>
        <translation>随程序附带，待平台同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="224" />
        <source>已超期</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="224" />
        <source>今日到期</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="246" />
        <source>正在查询单位……</source>
        <translation>正在查询单位……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="257" />
        <source>（书面承诺）</source>
        <translation>（书面承诺）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="266" />
        <source>已同步</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="266" />
        <source>待同步</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="273" />
        <source>共 {0} 家单位</source>
        <translation>共 {0} 家单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="312" />
        <source>岗位：</source>
        <translation>岗位：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="312" />
        <source>单位登记</source>
        <translation>单位登记</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="321" />
        <source>书面承诺受理</source>
        <translation>书面承诺受理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="323" />
        <source>未调查</source>
        <translation>未调查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="331" />
        <source>待核实 {0} 项，其中已逾期 {1} 项</source>
        <translation>待核实 {0} 项，其中已逾期 {1} 项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="360" />
        <source>修改单位信息</source>
        <translation>修改单位信息</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="360" />
        <source>登记用人单位</source>
        <translation>登记用人单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="383" />
        <source>修改招聘岗位</source>
        <translation>修改招聘岗位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employers.py" line="383" />
        <source>新增招聘岗位（招聘登记）</source>
        <translation>新增招聘岗位（招聘登记）</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="103" />
        <source>报名培训</source>
        <translation>报名培训</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="112" />
        <source>（目录中没有，自行填写）</source>
        <translation>（目录中没有，自行填写）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="122" />
        <source>培训项目</source>
        <translation>培训项目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="123" />
        <source>自填项目名称</source>
        <translation>自填项目名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="124" />
        <source>培训类型</source>
        <translation>培训类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="125" />
        <source>培训机构</source>
        <translation>培训机构</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="126" />
        <source>开班日期</source>
        <translation>开班日期</translation>
    </message>
</context>
<context>
    <name>EntrepreneurshipDialog</name>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="209" />
        <source>登记创业服务</source>
        <translation>登记创业服务</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="217" />
        <source>返乡创业（雁归兴贵）</source>
        <translation>返乡创业（雁归兴贵）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="224" />
        <source> 元</source>
        <translation> 元</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="228" />
        <source>服务类型</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="230" />
        <source>创业项目</source>
        <translation>创业项目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="231" />
        <source>拟贷款金额</source>
        <translation>拟贷款金额</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="232" />
        <source>孵化基地</source>
        <translation>孵化基地</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="233" />
        <source>服务结果</source>
        <translation>服务结果</translation>
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
    <name>FlowDialog</name>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="77" />
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="78" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="103" />
        <source>正在保存……</source>
        <translation>正在保存……</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="344" />
        <source>记录回访</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="346" />
        <source>回访：</source>
        <translation>回访：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="349" />
        <source>联系方式、是否联系上、目前就业状态和需求、本次提供的服务</source>
        <translation>联系方式、是否联系上、目前就业状态和需求、本次提供的服务</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="351" />
        <source>回访结果：</source>
        <translation>回访结果：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="352" />
        <source>已就业的，请随后办理就业登记（登记失业自动终止）。</source>
        <translation>已就业的，请随后办理就业登记（登记失业自动终止）。</translation>
    </message>
</context>
<context>
    <name>FraudDialog</name>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="300" />
        <source>登记失信记录</source>
        <translation>登记失信记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="314" />
        <source>发现的事实和依据（至少 10 个字）</source>
        <translation>发现的事实和依据（至少 10 个字）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="316" />
        <source>失信类型</source>
        <translation>失信类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="317" />
        <source>涉及资金</source>
        <translation>涉及资金</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="318" />
        <source>事实和依据</source>
        <translation>事实和依据</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="319" />
        <source>登记后将随同步上报省级平台。</source>
        <translation>登记后将随同步上报省级平台。</translation>
    </message>
</context>
<context>
    <name>GreenChannelDialog</name>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="277" />
        <source>设为绿色通道</source>
        <translation>设为绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="281" />
        <source>属于哪类重点群体，如残疾人、就业困难人员</source>
        <translation>属于哪类重点群体，如残疾人、就业困难人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="282" />
        <source>重点群体</source>
        <translation>重点群体</translation>
    </message>
</context>
<context>
    <name>HouseholdDetail</name>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="75" />
        <source>家庭详情</source>
        <translation>家庭详情</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="79" />
        <location filename="../../ui/pages/household_detail.py" line="134" />
        <source>请在左侧选择一户。</source>
        <translation>请在左侧选择一户。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="84" />
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="84" />
        <source>关系</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="84" />
        <source>年龄</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="84" />
        <source>劳动力</source>
        <translation>劳动力</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="84" />
        <source>就业</source>
        <translation>就业</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="84" />
        <source>最近核实</source>
        <translation>最近核实</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="94" />
        <source>核实就业情况</source>
        <translation>核实就业情况</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="96" />
        <source>为所选成员登记一次就业情况核实（就业去向、形式、单位、收入）</source>
        <translation>为所选成员登记一次就业情况核实（就业去向、形式、单位、收入）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="97" />
        <source>清零</source>
        <translation>清零</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="99" />
        <source>有成员实现就业后，登记清零日期和就业途径，移出零就业家庭名单</source>
        <translation>有成员实现就业后，登记清零日期和就业途径，移出零就业家庭名单</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="128" />
        <source>正在打开家庭……</source>
        <translation>正在打开家庭……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="141" />
        <source>零就业家庭</source>
        <translation>零就业家庭</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="142" />
        <source>一户一人以上就业</source>
        <translation>一户一人以上就业</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="142" />
        <source>无劳动力户</source>
        <translation>无劳动力户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="143" />
        <source>户主：{0}　{1}　户编号：{2}　迁出村：{3}　{4}
劳动力 {5} 人，已就业 {6} 人：{7}</source>
        <translation>户主：{0}　{1}　户编号：{2}　迁出村：{3}　{4}
劳动力 {5} 人，已就业 {6} 人：{7}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="157" />
        <source>（帮扶车间）</source>
        <translation>（帮扶车间）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="159" />
        <source>（公益性岗位）</source>
        <translation>（公益性岗位）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="160" />
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="160" />
        <source>无劳动能力</source>
        <translation>无劳动能力</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="160" />
        <source>否</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="163" />
        <source>已就业</source>
        <translation>已就业</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="163" />
        <source>未就业</source>
        <translation>未就业</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="170" />
        <source>{0} 起列入零就业家庭名单，尚未清零。</source>
        <translation>{0} 起列入零就业家庭名单，尚未清零。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="172" />
        <source>{0} 列入，{1} 因成员变动移出名单</source>
        <translation>{0} 列入，{1} 因成员变动移出名单</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_detail.py" line="178" />
        <source>{0} 列入，{1} 清零：{2}经{3}实现就业。</source>
        <translation>{0} 列入，{1} 清零：{2}经{3}实现就业。</translation>
    </message>
</context>
<context>
    <name>HouseholdProfilePanel</name>
    <message>
        <location filename="../../ui/pages/profile_household.py" line="18" />
        <source>家庭与就业核实</source>
        <translation>家庭与就业核实</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_household.py" line="24" />
        <source>未登记家庭。</source>
        <translation>未登记家庭。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_household.py" line="33" />
        <source>核实就业情况</source>
        <translation>核实就业情况</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_household.py" line="59" />
        <source>正在读取家庭……</source>
        <translation>正在读取家庭……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_household.py" line="64" />
        <source>未登记家庭。安置点家庭可在“家庭与安置点”中导入花名册。</source>
        <translation>未登记家庭。安置点家庭可在“家庭与安置点”中导入花名册。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_household.py" line="74" />
        <source>零就业家庭（{0} 列入，尚未清零）</source>
        <translation>零就业家庭（{0} 列入，尚未清零）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_household.py" line="76" />
        <source>零就业家庭</source>
        <translation>零就业家庭</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_household.py" line="78" />
        <source>一户一人以上就业</source>
        <translation>一户一人以上就业</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_household.py" line="80" />
        <source>无劳动力户</source>
        <translation>无劳动力户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_household.py" line="81" />
        <source>户主：{0}　{1}
成员：{2}
状态：{3}</source>
        <translation>户主：{0}　{1}
成员：{2}
状态：{3}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_household.py" line="89" />
        <source>尚无就业情况核实记录。</source>
        <translation>尚无就业情况核实记录。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_household.py" line="91" />
        <source>最近核实 {0}（{1}）：{2}就业，{3}，月收入 {4} 元</source>
        <translation>最近核实 {0}（{1}）：{2}就业，{3}，月收入 {4} 元</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_household.py" line="98" />
        <source>最近核实 {0}（{1}）：未就业 {2}</source>
        <translation>最近核实 {0}（{1}）：未就业 {2}</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../ui/pages/households.py" line="52" />
        <source>家庭与安置点</source>
        <translation>家庭与安置点</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="63" />
        <location filename="../../ui/pages/households.py" line="321" />
        <source>零就业家庭</source>
        <translation>零就业家庭</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="64" />
        <location filename="../../ui/pages/households.py" line="128" />
        <source>安置点</source>
        <translation>安置点</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="76" />
        <source>显示已清零</source>
        <translation>显示已清零</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="80" />
        <source>重新核查</source>
        <translation>重新核查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="82" />
        <source>按成员的年龄、劳动能力和就业状态重新核查，把新出现的零就业家庭列入名单</source>
        <translation>按成员的年龄、劳动能力和就业状态重新核查，把新出现的零就业家庭列入名单</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="88" />
        <location filename="../../ui/pages/households.py" line="156" />
        <source>户主</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="88" />
        <source>安置点/住址</source>
        <translation>安置点/住址</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="88" />
        <source>列入日期</source>
        <translation>列入日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="88" />
        <source>已列入（天）</source>
        <translation>已列入（天）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="88" />
        <location filename="../../ui/pages/households.py" line="128" />
        <location filename="../../ui/pages/households.py" line="140" />
        <location filename="../../ui/pages/households.py" line="157" />
        <source>劳动力</source>
        <translation>劳动力</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="89" />
        <location filename="../../ui/pages/households.py" line="128" />
        <location filename="../../ui/pages/households.py" line="140" />
        <location filename="../../ui/pages/households.py" line="157" />
        <source>已就业</source>
        <translation>已就业</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="89" />
        <location filename="../../ui/pages/households.py" line="157" />
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="105" />
        <source>新建安置点</source>
        <translation>新建安置点</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="107" />
        <location filename="../../ui/pages/households.py" line="394" />
        <source>导入花名册</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="109" />
        <source>从 Excel 或 CSV 导入所选安置点的家庭花名册（全部正确才导入）</source>
        <translation>从 Excel 或 CSV 导入所选安置点的家庭花名册（全部正确才导入）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="110" />
        <source>下载花名册模板</source>
        <translation>下载花名册模板</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="119" />
        <source>打开错误报告</source>
        <translation>打开错误报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="128" />
        <location filename="../../ui/pages/households.py" line="140" />
        <source>户数</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="128" />
        <location filename="../../ui/pages/households.py" line="141" />
        <source>就业率</source>
        <translation>就业率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="129" />
        <source>一户一人以上就业户</source>
        <translation>一户一人以上就业户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="129" />
        <location filename="../../ui/pages/households.py" line="141" />
        <source>零就业户</source>
        <translation>零就业户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="129" />
        <source>名单中</source>
        <translation>名单中</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="135" />
        <source>安置点就业情况</source>
        <translation>安置点就业情况</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="141" />
        <location filename="../../ui/pages/households.py" line="325" />
        <source>一户一人以上就业</source>
        <translation>一户一人以上就业</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="142" />
        <source>县内</source>
        <translation>县内</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="142" />
        <source>省内县外</source>
        <translation>省内县外</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="142" />
        <source>省外</source>
        <translation>省外</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="143" />
        <source>帮扶车间</source>
        <translation>帮扶车间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="143" />
        <source>公益性岗位</source>
        <translation>公益性岗位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="144" />
        <source>已核实劳动力</source>
        <translation>已核实劳动力</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="156" />
        <source>户编号</source>
        <translation>户编号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="156" />
        <source>迁出村</source>
        <translation>迁出村</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="156" />
        <source>户类别</source>
        <translation>户类别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="156" />
        <source>人数</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="200" />
        <source>外业模式可离线使用：所有登记保存在本机，待同步 {0} 条，联网后自动上传。</source>
        <translation>外业模式可离线使用：所有登记保存在本机，待同步 {0} 条，联网后自动上传。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="202" />
        <source>外业模式：本机尚未接入省级平台，所有登记保存在本机，待同步 {0} 条，接入后上传。</source>
        <translation>外业模式：本机尚未接入省级平台，所有登记保存在本机，待同步 {0} 条，接入后上传。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="205" />
        <source>正在读取同步状态……</source>
        <translation>正在读取同步状态……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="230" />
        <source>已清零 {0}（{1}）</source>
        <translation>已清零 {0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="233" />
        <source>已有成员就业，可清零</source>
        <translation>已有成员就业，可清零</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="236" />
        <source>待清零</source>
        <translation>待清零</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="245" />
        <source>名单中 {0} 户：待清零 {1} 户，已有成员就业可清零 {2} 户。</source>
        <translation>名单中 {0} 户：待清零 {1} 户，已有成员就业可清零 {2} 户。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="254" />
        <source>正在读取零就业家庭名单……</source>
        <translation>正在读取零就业家庭名单……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="267" />
        <source>核查完成，新列入 {0} 户。</source>
        <translation>核查完成，新列入 {0} 户。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="270" />
        <source>正在核查……</source>
        <translation>正在核查……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="296" />
        <location filename="../../ui/pages/households.py" line="339" />
        <source>正在读取安置点……</source>
        <translation>正在读取安置点……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="319" />
        <source>名单中，可清零</source>
        <translation>名单中，可清零</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="323" />
        <source>无劳动力</source>
        <translation>无劳动力</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="325" />
        <source>零就业（未列入）</source>
        <translation>零就业（未列入）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="369" />
        <source>保存花名册模板</source>
        <translation>保存花名册模板</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="380" />
        <source>模板已保存到 {0}</source>
        <translation>模板已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="387" />
        <source>选择安置点花名册</source>
        <translation>选择安置点花名册</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="388" />
        <source>花名册 (*.xlsx *.xlsm *.csv *.txt)</source>
        <translation>花名册 (*.xlsx *.xlsm *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="392" />
        <source>正在检查花名册……</source>
        <translation>正在检查花名册……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="392" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="402" />
        <source>正在检查第 {0} 行……</source>
        <translation>正在检查第 {0} 行……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="404" />
        <source>正在写入……</source>
        <translation>正在写入……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/households.py" line="439" />
        <source>正在导入花名册……</source>
        <translation>正在导入花名册……</translation>
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
    <name>IntentionDialog</name>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="57" />
        <source>求职意向</source>
        <translation>求职意向</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="77" />
        <source> 元</source>
        <translation> 元</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="78" />
        <source>不限</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="85" />
        <source>意向职业（必填，可多选）：</source>
        <translation>意向职业（必填，可多选）：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="86" />
        <source>意向工作地（可添加多个，不填按常住地）：</source>
        <translation>意向工作地（可添加多个，不填按常住地）：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="87" />
        <source>期望月工资下限：</source>
        <translation>期望月工资下限：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="88" />
        <source>期望月工资上限：</source>
        <translation>期望月工资上限：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="89" />
        <source>全职或兼职：</source>
        <translation>全职或兼职：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="90" />
        <source>意向重点产业：</source>
        <translation>意向重点产业：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="91" />
        <source>备注：</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="100" />
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="102" />
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>JobSeekerPanel</name>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="214" />
        <source>求职与岗位匹配</source>
        <translation>求职与岗位匹配</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="222" />
        <source>尚未登记求职意向。</source>
        <translation>尚未登记求职意向。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="226" />
        <source>求职意向</source>
        <translation>求职意向</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="232" />
        <source>技能：</source>
        <translation>技能：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="240" />
        <source>技能，如 电焊</source>
        <translation>技能，如 电焊</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="243" />
        <source>等级/证书</source>
        <translation>等级/证书</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="245" />
        <source>添加</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="247" />
        <source>删除</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="253" />
        <source>匹配岗位</source>
        <translation>匹配岗位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="275" />
        <source>推荐此岗位</source>
        <translation>推荐此岗位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="280" />
        <source>推荐记录与回访</source>
        <translation>推荐记录与回访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="288" />
        <source>登记推荐结果</source>
        <translation>登记推荐结果</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="290" />
        <source>记录回访</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="335" />
        <source>正在匹配岗位……</source>
        <translation>正在匹配岗位……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="347" />
        <source>尚未登记求职意向。点“求职意向”登记后即可匹配岗位。</source>
        <translation>尚未登记求职意向。点“求职意向”登记后即可匹配岗位。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="355" />
        <source>{0} 元起</source>
        <translation>{0} 元起</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="357" />
        <source>{0} 元以内</source>
        <translation>{0} 元以内</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="359" />
        <source>意向职业：</source>
        <translation>意向职业：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="360" />
        <source>工作地：</source>
        <translation>工作地：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="360" />
        <source>常住地</source>
        <translation>常住地</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="361" />
        <source>期望工资：</source>
        <translation>期望工资：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="361" />
        <source>不限</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="366" />
        <source>意向产业：</source>
        <translation>意向产业：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="375" />
        <source>匹配岗位（从本机缓存的 {0} 个在招岗位中排序，前 {1} 个）</source>
        <translation>匹配岗位（从本机缓存的 {0} 个在招岗位中排序，前 {1} 个）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="388" />
        <source>（书面承诺受理）</source>
        <translation>（书面承诺受理）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="385" />
        <source>平台岗位</source>
        <translation>平台岗位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="385" />
        <source>本站登记</source>
        <translation>本站登记</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="406" />
        <source>已回访 </source>
        <translation>已回访 </translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="409" />
        <source>回访已超期 </source>
        <translation>回访已超期 </translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="409" />
        <source>待回访 </source>
        <translation>待回访 </translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="487" />
        <source>正在登记推荐……</source>
        <translation>正在登记推荐……</translation>
    </message>
</context>
<context>
    <name>LayoffsDialog</name>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="197" />
        <source>规模性裁员报告</source>
        <translation>规模性裁员报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="205" />
        <source>未登记的企业：填写企业全称</source>
        <translation>未登记的企业：填写企业全称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="208" />
        <source>未登记的企业：填写 18 位代码（可不填）</source>
        <translation>未登记的企业：填写 18 位代码（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="215" />
        <source>不详</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="218" />
        <source>如：专场招聘、职业指导、技能培训、失业保险待遇告知</source>
        <translation>如：专场招聘、职业指导、技能培训、失业保险待遇告知</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="219" />
        <location filename="../../ui/pages/services_desk.py" line="275" />
        <source>已登记单位</source>
        <translation>已登记单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="220" />
        <source>或：企业名称</source>
        <translation>或：企业名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="221" />
        <source>统一社会信用代码</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="222" />
        <source>裁减人数</source>
        <translation>裁减人数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="223" />
        <source>职工总数</source>
        <translation>职工总数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="224" />
        <source>帮扶措施</source>
        <translation>帮扶措施</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="227" />
        <source>查看单位</source>
        <translation>查看单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="229" />
        <source>打开所选报告的已登记单位（也可双击报告）</source>
        <translation>打开所选报告的已登记单位（也可双击报告）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="234" />
        <source>登记裁员报告</source>
        <translation>登记裁员报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="254" />
        <source>该报告的企业不是本站登记的用人单位，没有单位档案可打开。</source>
        <translation>该报告的企业不是本站登记的用人单位，没有单位档案可打开。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="273" />
        <source>规模性裁员</source>
        <translation>规模性裁员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="273" />
        <source>未达规模</source>
        <translation>未达规模</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="275" />
        <source>未登记单位</source>
        <translation>未登记单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="282" />
        <source>双击打开该单位</source>
        <translation>双击打开该单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="285" />
        <source>（尚无裁员报告）</source>
        <translation>（尚无裁员报告）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="306" />
        <source>已登记。</source>
        <translation>已登记。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="314" />
        <source>正在保存……</source>
        <translation>正在保存……</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="100" />
        <source>基层就业服务台 — 登录</source>
        <translation>基层就业服务台 — 登录</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../../ui/login.py" line="38" />
        <source>用户名</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="39" />
        <source>密码</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="45" />
        <source>解锁</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="45" />
        <source>登录</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="58" />
        <source>请输入用户名和密码。</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="94" />
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
    <name>MemberActions</name>
    <message>
        <location filename="../../ui/pages/household_members.py" line="78" />
        <source>添加成员</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="80" />
        <source>出生、婚入、迁入的人员加入本户（须已在“人员”中登记）</source>
        <translation>出生、婚入、迁入的人员加入本户（须已在“人员”中登记）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="81" />
        <source>移出成员</source>
        <translation>移出成员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="83" />
        <source>所选成员迁出、婚出或死亡：登记日期和原因，保留在历史成员中</source>
        <translation>所选成员迁出、婚出或死亡：登记日期和原因，保留在历史成员中</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="84" />
        <source>修改关系</source>
        <translation>修改关系</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="86" />
        <source>更正所选成员与户主的关系，或把所选成员设为户主</source>
        <translation>更正所选成员与户主的关系，或把所选成员设为户主</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="103" />
        <source>{0}：{1} {2}</source>
        <translation>{0}：{1} {2}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="106" />
        <source>历史成员　</source>
        <translation>历史成员　</translation>
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
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="158" />
        <source>记录回访</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="158" />
        <source>登记推荐结果</source>
        <translation>登记推荐结果</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="160" />
        <source>推荐岗位：</source>
        <translation>推荐岗位：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="166" />
        <source>求职结果：</source>
        <translation>求职结果：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="171" />
        <source>回访方式和情况，例如“电话回访，已到岗”</source>
        <translation>回访方式和情况，例如“电话回访，已到岗”</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="171" />
        <source>说明（可不填）</source>
        <translation>说明（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="173" />
        <source>回访情况：</source>
        <translation>回访情况：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="173" />
        <source>说明：</source>
        <translation>说明：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="178" />
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_jobseeker.py" line="180" />
        <source>关闭</source>
        <translation>关闭</translation>
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
        <location filename="../../ui/pages/person_profile.py" line="57" />
        <source>在左侧选择人员，或按 Ctrl+N 新建。</source>
        <translation>在左侧选择人员，或按 Ctrl+N 新建。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="69" />
        <source>办理</source>
        <translation>办理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="71" />
        <source>修改资料</source>
        <translation>修改资料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="78" />
        <source>基本信息</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="81" />
        <source>办件</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="82" />
        <source>回访与跟踪</source>
        <translation>回访与跟踪</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="88" />
        <source>查看与修改记录</source>
        <translation>查看与修改记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="122" />
        <source>正在打开人员资料……</source>
        <translation>正在打开人员资料……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="128" />
        <source>（待同步）</source>
        <translation>（待同步）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="132" />
        <source>证件</source>
        <translation>证件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="133" />
        <source>性别</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="134" />
        <source>出生日期</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="135" />
        <source>手机</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="136" />
        <source>常住地址</source>
        <translation>常住地址</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="137" />
        <source>户籍地址</source>
        <translation>户籍地址</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="138" />
        <source>标签</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="140" />
        <source>其他证件</source>
        <translation>其他证件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="148" />
        <source>家庭</source>
        <translation>家庭</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="148" />
        <source>已登记</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="166" />
        <source>已完成</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="166" />
        <source>待办</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="188" />
        <source>同步：已同步</source>
        <translation>同步：已同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="189" />
        <source>同步：待同步</source>
        <translation>同步：待同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="190" />
        <source>同步：冲突，请在状态栏“冲突与退回”中处理</source>
        <translation>同步：冲突，请在状态栏“冲突与退回”中处理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/person_profile.py" line="191" />
        <source>同步：被平台退回，请在状态栏“冲突与退回”中处理</source>
        <translation>同步：被平台退回，请在状态栏“冲突与退回”中处理</translation>
    </message>
</context>
<context>
    <name>PersonsPage</name>
    <message>
        <location filename="../../ui/pages/persons.py" line="29" />
        <source>已同步</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="30" />
        <source>待同步</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="31" />
        <source>冲突</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="32" />
        <source>被退回</source>
        <translation>被退回</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="62" />
        <source>人员</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="67" />
        <source>输入证件号码、姓名、拼音、拼音首字母或手机尾号（Ctrl+F）</source>
        <translation>输入证件号码、姓名、拼音、拼音首字母或手机尾号（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="70" />
        <source>读卡（F2）</source>
        <translation>读卡（F2）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="72" />
        <source>读社会保障卡或身份证，找到人员或新建（F2）</source>
        <translation>读社会保障卡或身份证，找到人员或新建（F2）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="74" />
        <source>持卡人验密</source>
        <translation>持卡人验密</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="77" />
        <source>请持卡人在读卡器的密码键盘上输入社保卡密码，以核实是本人持卡（需厂商社保卡读卡器）</source>
        <translation>请持卡人在读卡器的密码键盘上输入社保卡密码，以核实是本人持卡（需厂商社保卡读卡器）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="80" />
        <source>新建人员（Ctrl+N）</source>
        <translation>新建人员（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="89" />
        <source>到省平台查找</source>
        <translation>到省平台查找</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="91" />
        <source>全省通办：按证件号码到省级平台查找此人（需要联网）</source>
        <translation>全省通办：按证件号码到省级平台查找此人（需要联网）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="101" />
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="102" />
        <source>证件号码</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="103" />
        <source>性别</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="104" />
        <source>出生日期</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="105" />
        <source>手机尾号</source>
        <translation>手机尾号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="106" />
        <source>同步</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="194" />
        <source>找到 {0} 人</source>
        <translation>找到 {0} 人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="196" />
        <source>本站没有此证件号码的人员。可以到省平台查找（全省通办），或按 Ctrl+N 新建。</source>
        <translation>本站没有此证件号码的人员。可以到省平台查找（全省通办），或按 Ctrl+N 新建。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="199" />
        <source>本站没有此证件号码的人员。本机尚未接入省级平台，不能到省平台查找；可以按 Ctrl+N 新建。</source>
        <translation>本站没有此证件号码的人员。本机尚未接入省级平台，不能到省平台查找；可以按 Ctrl+N 新建。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="202" />
        <source>没有找到。可以按 Ctrl+N 新建人员。</source>
        <translation>没有找到。可以按 Ctrl+N 新建人员。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="206" />
        <source>正在查询……</source>
        <translation>正在查询……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="231" />
        <source>到省平台查找未完成：</source>
        <translation>到省平台查找未完成：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="237" />
        <source>正在到省平台查找……</source>
        <translation>正在到省平台查找……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="258" />
        <source>正在记录查询……</source>
        <translation>正在记录查询……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="261" />
        <source>已按省平台资料建档，请补充电话、住址等信息。</source>
        <translation>已按省平台资料建档，请补充电话、住址等信息。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="286" />
        <source>正在读卡，请稍候……</source>
        <translation>正在读卡，请稍候……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="294" />
        <source>请持卡人在读卡器的密码键盘上输入社保卡密码，按确认键结束……</source>
        <translation>请持卡人在读卡器的密码键盘上输入社保卡密码，按确认键结束……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="333" />
        <source>（模拟读卡：培训演示用的虚构卡片）</source>
        <translation>（模拟读卡：培训演示用的虚构卡片）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="343" />
        <source>卡上没有持卡人信息，请改用社保卡厂商读卡器或身份证读卡。</source>
        <translation>卡上没有持卡人信息，请改用社保卡厂商读卡器或身份证读卡。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="357" />
        <source>本地没有此人，已按卡上信息预填新建人员。</source>
        <translation>本地没有此人，已按卡上信息预填新建人员。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="367" />
        <source>已按卡找到人员。</source>
        <translation>已按卡找到人员。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/persons.py" line="372" />
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
    <name>PlacementDialog</name>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="293" />
        <source>公益性岗位安置</source>
        <translation>公益性岗位安置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="301" />
        <source>岗位名称：</source>
        <translation>岗位名称：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="304" />
        <source>岗位开发（用人）单位：</source>
        <translation>岗位开发（用人）单位：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="306" />
        <source>上岗日期：</source>
        <translation>上岗日期：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="309" />
        <source>协议终止日期：</source>
        <translation>协议终止日期：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="310" />
        <source>距法定退休年龄不足5年（补贴可延长至退休）</source>
        <translation>距法定退休年龄不足5年（补贴可延长至退休）</translation>
    </message>
</context>
<context>
    <name>PlacesEditor</name>
    <message>
        <location filename="../../ui/pages/intention_places.py" line="26" />
        <source>添加</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intention_places.py" line="28" />
        <source>把上面选好的地方加入意向工作地（可加多个）</source>
        <translation>把上面选好的地方加入意向工作地（可加多个）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intention_places.py" line="36" />
        <source>已选意向工作地</source>
        <translation>已选意向工作地</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intention_places.py" line="38" />
        <source>移除</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intention_places.py" line="67" />
        <source>请先在上面选择市州、县（区）等，再点“添加”。</source>
        <translation>请先在上面选择市州、县（区）等，再点“添加”。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intention_places.py" line="70" />
        <source>意向工作地最多 {0} 个，请先移除一个。</source>
        <translation>意向工作地最多 {0} 个，请先移除一个。</translation>
    </message>
</context>
<context>
    <name>PlatformLoginDialog</name>
    <message>
        <location filename="../../ui/online.py" line="116" />
        <source>登录省级平台</source>
        <translation>登录省级平台</translation>
    </message>
    <message>
        <location filename="../../ui/online.py" line="119" />
        <source>全省通办和联网核查需要用本人账号登录省级平台。请输入密码（本次运行只需输入一次）。</source>
        <translation>全省通办和联网核查需要用本人账号登录省级平台。请输入密码（本次运行只需输入一次）。</translation>
    </message>
    <message>
        <location filename="../../ui/online.py" line="129" />
        <source>用户名</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/online.py" line="130" />
        <source>密码</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/online.py" line="136" />
        <source>登录</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/online.py" line="147" />
        <source>请输入密码。</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/online.py" line="163" />
        <source>正在登录省级平台……</source>
        <translation>正在登录省级平台……</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="412" />
        <source>政策推介及培训推荐</source>
        <translation>政策推介及培训推荐</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="416" />
        <source>勾选向本人推介的政策和推荐参加的培训（来自政策清单），确定后写入“政策推介及服务建议”。</source>
        <translation>勾选向本人推介的政策和推荐参加的培训（来自政策清单），确定后写入“政策推介及服务建议”。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="462" />
        <source>正在读取政策清单……</source>
        <translation>正在读取政策清单……</translation>
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
        <location filename="../../ui/app.py" line="308" />
        <source>已扫描电子社保卡二维码，正在联网核验……</source>
        <translation>已扫描电子社保卡二维码，正在联网核验……</translation>
    </message>
</context>
<context>
    <name>ProvinceLookupDialog</name>
    <message>
        <location filename="../../ui/pages/province_lookup.py" line="45" />
        <source>全省通办：省平台查找结果</source>
        <translation>全省通办：省平台查找结果</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province_lookup.py" line="52" />
        <source>人员（省平台按范围规则提供，不含电话和住址）</source>
        <translation>人员（省平台按范围规则提供，不含电话和住址）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province_lookup.py" line="59" />
        <source>出生 {0}</source>
        <translation>出生 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province_lookup.py" line="61" />
        <source>就业状态 {0}</source>
        <translation>就业状态 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province_lookup.py" line="62" />
        <source>登记站点：{0}</source>
        <translation>登记站点：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province_lookup.py" line="66" />
        <source>在全省的有效办件</source>
        <translation>在全省的有效办件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province_lookup.py" line="74" />
        <source>（无）</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province_lookup.py" line="77" />
        <source>本次查询已记入本站的查看记录，省平台也记录了此次查询。</source>
        <translation>本次查询已记入本站的查看记录，省平台也记录了此次查询。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province_lookup.py" line="81" />
        <source>建档到本站</source>
        <translation>建档到本站</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province_lookup.py" line="86" />
        <source>省平台返回的信息不足以建档，请按常规方式新建人员。</source>
        <translation>省平台返回的信息不足以建档，请按常规方式新建人员。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province_lookup.py" line="88" />
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/pages/province_lookup.py" line="111" />
        <source>正在建档……</source>
        <translation>正在建档……</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <location filename="../../ui/pages/case_editor.py" line="520" />
        <source>正在打开表单……</source>
        <translation>正在打开表单……</translation>
    </message>
</context>
<context>
    <name>QrInput</name>
    <message>
        <location filename="../../ui/qr_input.py" line="165" />
        <source>电子社保卡核验通过，正在查找此人……</source>
        <translation>电子社保卡核验通过，正在查找此人……</translation>
    </message>
    <message>
        <location filename="../../ui/qr_input.py" line="172" />
        <source>如正在为此人办理业务，请打开办件表单后再扫描，二维码会随办件记为“待核验”。</source>
        <translation>如正在为此人办理业务，请打开办件表单后再扫描，二维码会随办件记为“待核验”。</translation>
    </message>
</context>
<context>
    <name>QuarantineScreen</name>
    <message>
        <location filename="../../ui/sync_screens.py" line="415" />
        <source>平台退回了下列修改。可以在相应页面改正记录（改正后会自动重新上传），或在这里重新发送、放弃本机的修改。</source>
        <translation>平台退回了下列修改。可以在相应页面改正记录（改正后会自动重新上传），或在这里重新发送、放弃本机的修改。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="423" />
        <source>记录类型</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="423" />
        <source>记录</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="423" />
        <source>退回原因</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="423" />
        <source>时间</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="431" />
        <source>重新发送</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="433" />
        <location filename="../../ui/sync_screens.py" line="471" />
        <source>放弃此修改</source>
        <translation>放弃此修改</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="472" />
        <source>放弃后，这条记录恢复为平台上的内容（平台没有的记录将在本机撤销）。确定放弃吗？</source>
        <translation>放弃后，这条记录恢复为平台上的内容（平台没有的记录将在本机撤销）。确定放弃吗？</translation>
    </message>
</context>
<context>
    <name>ReaderSettingsBox</name>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="34" />
        <source>模拟读卡（培训演示）</source>
        <translation>模拟读卡（培训演示）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="35" />
        <source>社保卡读卡器（厂商动态库）</source>
        <translation>社保卡读卡器（厂商动态库）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="36" />
        <source>PC/SC 通用读卡器</source>
        <translation>PC/SC 通用读卡器</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="37" />
        <source>二代身份证阅读器</source>
        <translation>二代身份证阅读器</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="40" />
        <source>自动（Windows 为 stdcall，其他为 cdecl）</source>
        <translation>自动（Windows 为 stdcall，其他为 cdecl）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="45" />
        <source>自动识别</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="46" />
        <source>SDT 接口（sdtapi）</source>
        <translation>SDT 接口（sdtapi）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="47" />
        <source>termb 接口</source>
        <translation>termb 接口</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="61" />
        <source>读卡器</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="73" />
        <location filename="../../ui/pages/reader_settings.py" line="204" />
        <source>厂商提供的驱动文件，如 C:\SSCard\SSCardDriver.dll</source>
        <translation>厂商提供的驱动文件，如 C:\SSCard\SSCardDriver.dll</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="74" />
        <source>选择…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="82" />
        <source>32 位驱动：通过辅助程序加载（64 位 Windows 上多数厂商驱动需要）</source>
        <translation>32 位驱动：通过辅助程序加载（64 位 Windows 上多数厂商驱动需要）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="92" />
        <source>联网认证第一步（HSM_Step1）带读卡方式参数（按厂商头文件）</source>
        <translation>联网认证第一步（HSM_Step1）带读卡方式参数（按厂商头文件）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="96" />
        <source>留空：使用第一个插有卡的读卡器</source>
        <translation>留空：使用第一个插有卡的读卡器</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="104" />
        <source>自动查找</source>
        <translation>自动查找</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="109" />
        <source>测试读卡器</source>
        <translation>测试读卡器</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="116" />
        <source>读卡器类型：</source>
        <translation>读卡器类型：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="129" />
        <source>驱动文件：</source>
        <translation>驱动文件：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="131" />
        <source>读卡方式：</source>
        <translation>读卡方式：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="132" />
        <source>调用约定：</source>
        <translation>调用约定：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="134" />
        <source>读卡器名称：</source>
        <translation>读卡器名称：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="135" />
        <source>接口类型：</source>
        <translation>接口类型：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="136" />
        <source>端口：</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="137" />
        <source>模拟情形：</source>
        <translation>模拟情形：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="142" />
        <source>读卡结果：</source>
        <translation>读卡结果：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="202" />
        <source>身份证阅读器的开发包文件，如 sdtapi.dll 或 termb.dll</source>
        <translation>身份证阅读器的开发包文件，如 sdtapi.dll 或 termb.dll</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="207" />
        <source>驱动文件 (*.dll)</source>
        <translation>驱动文件 (*.dll)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="207" />
        <source>动态库 (*.so *.so.*)</source>
        <translation>动态库 (*.so *.so.*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="208" />
        <source>选择读卡器驱动文件</source>
        <translation>选择读卡器驱动文件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reader_settings.py" line="214" />
        <source>正在读卡……</source>
        <translation>正在读卡……</translation>
    </message>
</context>
<context>
    <name>RecognitionDialog</name>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="121" />
        <source>就业困难人员认定</source>
        <translation>就业困难人员认定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="125" />
        <source>申请认定就业困难人员（送审核）</source>
        <translation>申请认定就业困难人员（送审核）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="128" />
        <source>认定须经审核：保存后将生成“就业困难人员认定”办件草稿（已填入以下内容），请补全材料、受理并提交审核，审核通过后认定生效。</source>
        <translation>认定须经审核：保存后将生成“就业困难人员认定”办件草稿（已填入以下内容），请补全材料、受理并提交审核，审核通过后认定生效。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="135" />
        <source>生成认定办件</source>
        <translation>生成认定办件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="145" />
        <source>就业困难人员类别：</source>
        <translation>就业困难人员类别：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="146" />
        <source>部门信息核查</source>
        <translation>部门信息核查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="148" />
        <source>工作人员调查（信息核查无法确认时）</source>
        <translation>工作人员调查（信息核查无法确认时）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="157" />
        <source>核实方式：</source>
        <translation>核实方式：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="161" />
        <source>信息核查结果：</source>
        <translation>信息核查结果：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="163" />
        <source>调查日期：</source>
        <translation>调查日期：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="166" />
        <source>调查人员：</source>
        <translation>调查人员：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="170" />
        <source>调查情况：</source>
        <translation>调查情况：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="173" />
        <source>认定日期：</source>
        <translation>认定日期：</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="20" />
        <source>本站数据库已损坏</source>
        <translation>本站数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="25" />
        <source>打开本站数据时发现数据库文件已损坏。可以用最近一次通过校验的自动备份替换它；损坏的文件会保留在数据文件夹中，不会删除，以便信息技术人员进一步处理。</source>
        <translation>打开本站数据时发现数据库文件已损坏。可以用最近一次通过校验的自动备份替换它；损坏的文件会保留在数据文件夹中，不会删除，以便信息技术人员进一步处理。</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="30" />
        <source>打开本站数据时发现数据库文件已损坏，且没有通过校验的自动备份。请不要删除数据文件夹，联系县级信息技术人员从省级平台恢复本站数据。</source>
        <translation>打开本站数据时发现数据库文件已损坏，且没有通过校验的自动备份。请不要删除数据文件夹，联系县级信息技术人员从省级平台恢复本站数据。</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="43" />
        <source>恢复最近的自动备份</source>
        <translation>恢复最近的自动备份</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="47" />
        <source>退出</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>RelationDialog</name>
    <message>
        <location filename="../../ui/pages/household_members.py" line="293" />
        <source>修改与户主关系</source>
        <translation>修改与户主关系</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="298" />
        <source>成员</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="300" />
        <source>与户主关系</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="301" />
        <source>原户主{0}改为</source>
        <translation>原户主{0}改为</translation>
    </message>
</context>
<context>
    <name>RemoveMemberDialog</name>
    <message>
        <location filename="../../ui/pages/household_members.py" line="250" />
        <source>移出家庭成员</source>
        <translation>移出家庭成员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="254" />
        <source>成员</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="259" />
        <source>移出原因</source>
        <translation>移出原因</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="264" />
        <source>移出日期</source>
        <translation>移出日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="268" />
        <source>如迁往何处；原因选“其他”时必填</source>
        <translation>如迁往何处；原因选“其他”时必填</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="269" />
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="271" />
        <source>此人是户主：须先用“修改关系”把另一名成员设为户主，才能移出。</source>
        <translation>此人是户主：须先用“修改关系”把另一名成员设为户主，才能移出。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_members.py" line="272" />
        <source>移出</source>
        <translation>移出</translation>
    </message>
</context>
<context>
    <name>SatisfactionDialog</name>
    <message>
        <location filename="../../ui/pages/satisfaction_dialog.py" line="22" />
        <source>服务评价</source>
        <translation>服务评价</translation>
    </message>
    <message>
        <location filename="../../ui/pages/satisfaction_dialog.py" line="25" />
        <source>您对本次服务满意吗？请点击下面的按钮评价。</source>
        <translation>您对本次服务满意吗？请点击下面的按钮评价。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/satisfaction_dialog.py" line="45" />
        <source>意见或建议（可不填）</source>
        <translation>意见或建议（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/satisfaction_dialog.py" line="51" />
        <source>跳过</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../ui/pages/satisfaction_dialog.py" line="74" />
        <source>正在保存评价……</source>
        <translation>正在保存评价……</translation>
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
    <name>ServiceDialog</name>
    <message>
        <location filename="../../ui/pages/services_dialogs.py" line="87" />
        <source>正在保存……</source>
        <translation>正在保存……</translation>
    </message>
</context>
<context>
    <name>ServicesDeskBar</name>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="36" />
        <source>今日预约</source>
        <translation>今日预约</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="38" />
        <source>规模性裁员报告</source>
        <translation>规模性裁员报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="40" />
        <source>专项活动</source>
        <translation>专项活动</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="73" />
        <source>本月满意度：{0}（{1} 人评价）</source>
        <translation>本月满意度：{0}（{1} 人评价）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="74" />
        <source>暂无</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="77" />
        <source>今日预约（{0}）</source>
        <translation>今日预约（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/services_desk.py" line="79" />
        <source> ★绿色通道 {0}</source>
        <translation> ★绿色通道 {0}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="28" />
        <source>标准</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="29" />
        <source>大字</source>
        <translation>大字</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="30" />
        <source>特大字</source>
        <translation>特大字</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="50" />
        <source>设置</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="53" />
        <source>本站</source>
        <translation>本站</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="56" />
        <source>站点名称：</source>
        <translation>站点名称：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="57" />
        <source>区划代码：</source>
        <translation>区划代码：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="62" />
        <source>代码表维护</source>
        <translation>代码表维护</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="66" />
        <source>补充、改名或停用重点产业、就业困难人员类别等本地代码表。</source>
        <translation>补充、改名或停用重点产业、就业困难人员类别等本地代码表。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="72" />
        <source>工作站与平台</source>
        <translation>工作站与平台</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="77" />
        <source> 分钟</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="89" />
        <source>无操作自动锁定：</source>
        <translation>无操作自动锁定：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="90" />
        <source>字号：</source>
        <translation>字号：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="91" />
        <source>省级平台地址：</source>
        <translation>省级平台地址：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="92" />
        <source>代理服务器：</source>
        <translation>代理服务器：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="93" />
        <source>CA 证书文件：</source>
        <translation>CA 证书文件：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="99" />
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
        <location filename="../../ui/pages/settings.py" line="163" />
        <source>此项由信息技术人员在预置配置文件（fuwutai.toml）中统一设置，不能在此修改。</source>
        <translation>此项由信息技术人员在预置配置文件（fuwutai.toml）中统一设置，不能在此修改。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="205" />
        <source>设置已保存。</source>
        <translation>设置已保存。</translation>
    </message>
</context>
<context>
    <name>SettlementDialog</name>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="239" />
        <source>新建安置点</source>
        <translation>新建安置点</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="244" />
        <source>安置点名称</source>
        <translation>安置点名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="247" />
        <source>所在县（区）行政区划代码，如 520603</source>
        <translation>所在县（区）行政区划代码，如 520603</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="248" />
        <source>行政区划代码</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="251" />
        <source>地址</source>
        <translation>地址</translation>
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
        <location filename="../../ui/shell.py" line="124" />
        <source>此栏目的服务（{0}）将在后续版本中提供；目前可在“人员”“办件”中办理相关事项。</source>
        <translation>此栏目的服务（{0}）将在后续版本中提供；目前可在“人员”“办件”中办理相关事项。</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="129" />
        <source>家庭与安置点</source>
        <translation>家庭与安置点</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="130" />
        <source>单位与岗位</source>
        <translation>单位与岗位</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="131" />
        <source>统计</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="133" />
        <source>工作台</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="134" />
        <source>人员</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="135" />
        <source>办件</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="139" />
        <source>设置</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../ui/app.py" line="42" />
        <source>基层就业服务台</source>
        <translation>基层就业服务台</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="44" />
        <source>基层就业服务台
正在打开本站数据……</source>
        <translation>基层就业服务台
正在打开本站数据……</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <location filename="../../ui/pages/stats.py" line="86" />
        <source>统计</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="92" />
        <source>刷新</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="94" />
        <source>导出月报（Excel）</source>
        <translation>导出月报（Excel）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="99" />
        <source>点击任一数字或图中的柱、点，可查看其对应的人员、办件或家庭明细。</source>
        <translation>点击任一数字或图中的柱、点，可查看其对应的人员、办件或家庭明细。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="108" />
        <source>每月失业登记与就业登记（件）</source>
        <translation>每月失业登记与就业登记（件）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="109" />
        <source>各安置点劳动力就业率（%）</source>
        <translation>各安置点劳动力就业率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="110" />
        <source>零就业家庭月末在册户数</source>
        <translation>零就业家庭月末在册户数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="111" />
        <source>每月回访：到期与完成（次）</source>
        <translation>每月回访：到期与完成（次）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="112" />
        <source>逾期办件（按事项）</source>
        <translation>逾期办件（按事项）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="139" />
        <source>正在统计……</source>
        <translation>正在统计……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="144" />
        <source>统计日 {0}，近 {1} 个月</source>
        <translation>统计日 {0}，近 {1} 个月</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="162" />
        <source>尚未登记安置点</source>
        <translation>尚未登记安置点</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="166" />
        <source>没有逾期办件</source>
        <translation>没有逾期办件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="189" />
        <source>正在列出明细……</source>
        <translation>正在列出明细……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="202" />
        <location filename="../../ui/pages/stats.py" line="206" />
        <location filename="../../ui/pages/stats.py" line="225" />
        <source>导出月报</source>
        <translation>导出月报</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="202" />
        <source>当前账号没有导出权限，请由审核人员或管理员导出。</source>
        <translation>当前账号没有导出权限，请由审核人员或管理员导出。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="205" />
        <source>统计月报-{0}.xlsx</source>
        <translation>统计月报-{0}.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="206" />
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="226" />
        <source>已导出 {0} 行到：
{1}</source>
        <translation>已导出 {0} 行到：
{1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/stats.py" line="229" />
        <source>正在导出……</source>
        <translation>正在导出……</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="234" />
        <source>添加援助步骤</source>
        <translation>添加援助步骤</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="238" />
        <source>如：推荐3个保洁岗位、参加家政服务培训</source>
        <translation>如：推荐3个保洁岗位、参加家政服务培训</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="239" />
        <source>服务内容：</source>
        <translation>服务内容：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="244" />
        <source>责任人：</source>
        <translation>责任人：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="246" />
        <source>完成时限：</source>
        <translation>完成时限：</translation>
    </message>
</context>
<context>
    <name>StepProgressDialog</name>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="264" />
        <source>援助步骤进展</source>
        <translation>援助步骤进展</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="266" />
        <source>步骤：</source>
        <translation>步骤：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="270" />
        <source>进展情况：</source>
        <translation>进展情况：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="271" />
        <source>这一步已完成</source>
        <translation>这一步已完成</translation>
    </message>
</context>
<context>
    <name>SyncIssuesDialog</name>
    <message>
        <location filename="../../ui/sync_screens.py" line="247" />
        <source>同步冲突与被退回的修改</source>
        <translation>同步冲突与被退回的修改</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="253" />
        <source>冲突</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="254" />
        <source>被退回的修改</source>
        <translation>被退回的修改</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="256" />
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SyncScreens</name>
    <message>
        <location filename="../../ui/sync_screens.py" line="43" />
        <source>名称/姓名</source>
        <translation>名称/姓名</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="44" />
        <source>性别</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="45" />
        <source>出生日期</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="46" />
        <source>民族</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="47" />
        <source>文化程度</source>
        <translation>文化程度</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="48" />
        <source>户口性质</source>
        <translation>户口性质</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="49" />
        <location filename="../../ui/sync_screens.py" line="68" />
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="50" />
        <source>证件类型</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="51" />
        <location filename="../../ui/sync_screens.py" line="52" />
        <source>证件号码</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="53" />
        <source>户籍地址</source>
        <translation>户籍地址</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="54" />
        <source>居住地址</source>
        <translation>居住地址</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="55" />
        <source>地址</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="56" />
        <source>行政区划</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="57" />
        <source>就业状态</source>
        <translation>就业状态</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="58" />
        <source>备注</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="59" />
        <location filename="../../ui/sync_screens.py" line="66" />
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="60" />
        <source>表单内容</source>
        <translation>表单内容</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="61" />
        <source>办结期限</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="62" />
        <source>办结日期</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="63" />
        <source>办结原因</source>
        <translation>办结原因</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="64" />
        <source>岗位名称</source>
        <translation>岗位名称</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="65" />
        <source>招聘人数</source>
        <translation>招聘人数</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="67" />
        <source>联系人</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="69" />
        <source>结果</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="70" />
        <source>已删除</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="108" />
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="110" />
        <source>否</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/sync_screens.py" line="144" />
        <source>同步</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="146" />
        <source>立即与省级平台同步（F5）</source>
        <translation>立即与省级平台同步（F5）</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="148" />
        <location filename="../../ui/sync_screens.py" line="232" />
        <source>冲突与退回</source>
        <translation>冲突与退回</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="179" />
        <source>正在同步（已上传 {0}，已下载 {1}）</source>
        <translation>正在同步（已上传 {0}，已下载 {1}）</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="197" />
        <source>已下载 {0} / {1} 条</source>
        <translation>已下载 {0} / {1} 条</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="202" />
        <source>已下载 {0} 条</source>
        <translation>已下载 {0} 条</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="215" />
        <source>未接入平台</source>
        <translation>未接入平台</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="216" />
        <source>本机尚未接入省级平台，数据只保存在本机。</source>
        <translation>本机尚未接入省级平台，数据只保存在本机。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="220" />
        <source>同步失败：</source>
        <translation>同步失败：</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="222" />
        <source>已同步 </source>
        <translation>已同步 </translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="224" />
        <source>尚未同步</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="226" />
        <source>待上传 {0} 条</source>
        <translation>待上传 {0} 条</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="227" />
        <source>上次成功：</source>
        <translation>上次成功：</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="227" />
        <location filename="../../ui/sync_screens.py" line="228" />
        <source>无</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="228" />
        <source>上次错误：</source>
        <translation>上次错误：</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screens.py" line="232" />
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
    <name>TrainingProfilePanel</name>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="27" />
        <source>培训、创业与信用</source>
        <translation>培训、创业与信用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="45" />
        <source>报名培训</source>
        <translation>报名培训</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="46" />
        <source>登记结业</source>
        <translation>登记结业</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="38" />
        <location filename="../../ui/pages/profile_training.py" line="47" />
        <source>创业服务</source>
        <translation>创业服务</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="37" />
        <source>职业培训</source>
        <translation>职业培训</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="39" />
        <source>失信记录（骗取、冒领）</source>
        <translation>失信记录（骗取、冒领）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="48" />
        <source>绿色通道</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="49" />
        <source>登记失信</source>
        <translation>登记失信</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="86" />
        <source>正在读取培训与创业记录……</source>
        <translation>正在读取培训与创业记录……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="106" />
        <source>★ 绿色通道：{0}（自 {1}）优先办理</source>
        <translation>★ 绿色通道：{0}（自 {1}）优先办理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="113" />
        <source>重点群体（{0}），可设为绿色通道。</source>
        <translation>重点群体（{0}），可设为绿色通道。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="131" />
        <source>（无培训记录）</source>
        <translation>（无培训记录）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="139" />
        <source>  返乡创业</source>
        <translation>  返乡创业</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="142" />
        <source>（无创业服务记录）</source>
        <translation>（无创业服务记录）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="145" />
        <source>有效</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="145" />
        <source>已撤销</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="165" />
        <source>结束绿色通道</source>
        <translation>结束绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="165" />
        <source>设为绿色通道</source>
        <translation>设为绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="169" />
        <source>只有审核人员可以登记失信记录。</source>
        <translation>只有审核人员可以登记失信记录。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="190" />
        <source>正在读取培训目录……</source>
        <translation>正在读取培训目录……</translation>
    </message>
    <message>
        <location filename="../../ui/pages/profile_training.py" line="223" />
        <source>正在保存……</source>
        <translation>正在保存……</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="125" />
        <source>核实：</source>
        <translation>核实：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="128" />
        <source>3 个工作日内核实用人单位证照、负责人身份和招聘信息的真实性、合法性。期限：</source>
        <translation>3 个工作日内核实用人单位证照、负责人身份和招聘信息的真实性、合法性。期限：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="141" />
        <source>实地查看经营场所、核实负责人身份和用工需求的情况</source>
        <translation>实地查看经营场所、核实负责人身份和用工需求的情况</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="143" />
        <source>书面承诺受理：</source>
        <translation>书面承诺受理：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="143" />
        <source>须记录工作人员调查后再作结论</source>
        <translation>须记录工作人员调查后再作结论</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="144" />
        <source>调查日期：</source>
        <translation>调查日期：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="145" />
        <source>调查情况：</source>
        <translation>调查情况：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="146" />
        <source>证照（统一社会信用代码、营业执照）真实有效</source>
        <translation>证照（统一社会信用代码、营业执照）真实有效</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="148" />
        <source>负责人身份属实</source>
        <translation>负责人身份属实</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="150" />
        <source>招聘信息真实、合法，无歧视性内容</source>
        <translation>招聘信息真实、合法，无歧视性内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="159" />
        <source>未通过时必须填写原因，原因会告知用人单位</source>
        <translation>未通过时必须填写原因，原因会告知用人单位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="160" />
        <source>说明：</source>
        <translation>说明：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="164" />
        <source>只保存调查情况</source>
        <translation>只保存调查情况</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="167" />
        <source>作出核实结论</source>
        <translation>作出核实结论</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="169" />
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/pages/employer_dialogs.py" line="211" />
        <source>正在保存核实结果……</source>
        <translation>正在保存核实结果……</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="373" />
        <source>就业登记核验走访</source>
        <translation>就业登记核验走访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="376" />
        <source>走访日期：</source>
        <translation>走访日期：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="379" />
        <source>走访人员：</source>
        <translation>走访人员：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/assistance_dialogs.py" line="383" />
        <source>核验情况：</source>
        <translation>核验情况：</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <location filename="../../ui/pages/household_dialogs.py" line="70" />
        <source>正在保存……</source>
        <translation>正在保存……</translation>
    </message>
</context>
<context>
    <name>_MemberDialog</name>
    <message>
        <location filename="../../ui/pages/household_members.py" line="62" />
        <source>正在保存……</source>
        <translation>正在保存……</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <location filename="../../ui/pages/case_extras.py" line="38" />
        <source>专项活动与代理办理</source>
        <translation>专项活动与代理办理</translation>
    </message>
</context>
<context>
    <name>self.start</name>
    <message>
        <location filename="../../ui/app.py" line="190" />
        <source>无法打开本站数据</source>
        <translation>无法打开本站数据</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="233" />
        <source>无法恢复备份</source>
        <translation>无法恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="275" />
        <source>基层就业服务台
</source>
        <translation>基层就业服务台
</translation>
    </message>
</context>
</TS>